package io.protect.normalize.mapping.windows;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.ocsf.model.enums.IntegrityId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.ProcessActivityActivityId;
import io.protect.ocsf.model.events.ProcessActivity;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Process;
import io.protect.ocsf.model.objects.User;
import java.util.ArrayList;
import java.util.List;

/**
 * Windows Security process events → OCSF Process Activity (1007).
 * <ul>
 *   <li>4688 (process created) → Launch: {@code NewProcessId}/{@code NewProcessName}/
 *       {@code CommandLine} → {@code process} (pid, path, name, cmd_line),
 *       {@code MandatoryLabel} → {@code process.integrity_id}, {@code Target*} (version 2) →
 *       {@code process.user}, {@code TargetLogonId} → {@code process.session};
 *       {@code ProcessId}/{@code ParentProcessName} → {@code process.parent_process} and
 *       {@code actor.process}; {@code Subject*} → {@code actor.user}.</li>
 *   <li>4689 (process exited) → Terminate: {@code ProcessId}/{@code ProcessName} → {@code process},
 *       {@code Status} → {@code exit_code}.</li>
 * </ul>
 */
public final class WindowsProcessMapper implements AlertMapper {

    @Override
    public ProcessActivity map(AlertEnriched input, MappingContext context) {
        WinCommon c = WinCommon.read(input, context);
        WinEvent e = c.event();
        boolean launch = c.eventId() != 4689;
        ProcessActivityActivityId activity = launch ? ProcessActivityActivityId.LAUNCH : ProcessActivityActivityId.TERMINATE;

        User subject = WindowsParts.user(e, "Subject");
        var subjectSession = WindowsParts.session(e, "SubjectLogonId", null);
        Process.Builder process;
        Process parent = null;
        Integer exitCode = null;
        if (launch) {
            Process.Builder p = WindowsParts.process(e, "ProcessId", "ParentProcessName");
            parent = p == null ? null : p.build();
            process = WindowsParts.process(e, "NewProcessId", "NewProcessName");
            process = process == null ? Process.builder() : process;
            e.data("CommandLine").ifPresent(process::cmdLine);
            IntegrityId integrity = e.peekData("MandatoryLabel").map(WindowsParts::integrity).orElse(null);
            if (integrity != null) {
                e.data("MandatoryLabel");
                process.integrityId(integrity).integrity(integrity.caption());
            }
            User target = WindowsParts.user(e, "Target");
            process.user(target);
            process.session(WindowsParts.session(e, "TargetLogonId", null));
            process.parentProcess(parent);
        } else {
            process = WindowsParts.process(e, "ProcessId", "ProcessName");
            process = process == null ? Process.builder() : process;
            exitCode = e.dataInt("Status").orElse(null);
        }
        Process proc = process.build();
        Actor actor = Actor.builder().user(subject).session(subjectSession).process(parent).build();
        if (subject == null && subjectSession == null && parent == null) {
            actor = Actor.builder().process(Process.builder().name("unknown").build()).build();
        }

        List<Observable> observables = new ArrayList<>();
        if (proc.name() != null) {
            observables.add(WindowsParts.observable("process.name", ObservableTypeId.PROCESS_NAME, proc.name()));
        }
        if (proc.cmdLine() != null) {
            observables.add(WindowsParts.observable("process.cmd_line", ObservableTypeId.COMMAND_LINE, proc.cmdLine()));
        }
        WindowsParts.addUser(observables, "actor.user", subject);
        if (c.device() != null) {
            observables.add(WindowsParts.observable("device.hostname", ObservableTypeId.HOSTNAME, c.device().hostname()));
        }
        String message = e.message((launch ? "Process launched: " : "Process terminated: ")
                + (proc.path() != null ? proc.path() : "pid " + proc.pid()));
        ProcessActivity.Builder b = ProcessActivity.builder()
                .activityId(activity)
                .activityName(activity.caption())
                .className("Process Activity")
                .categoryName("System Activity")
                .typeName("Process Activity: " + activity.caption())
                .time(c.time().epochMillis())
                .timezoneOffset(c.time().offsetMinutes())
                .severityId(c.severity())
                .severity(c.severity().caption())
                .statusId(c.status())
                .status(c.status().caption())
                .message(message)
                .process(proc)
                .actor(actor)
                .exitCode(exitCode)
                .device(c.device())
                .observables(observables.isEmpty() ? null : observables)
                .metadata(c.metadata())
                .riskScore(c.riskScore())
                .riskLevelId(c.riskLevel())
                .riskLevel(c.riskLevelCaption())
                .riskDetails(c.riskDetails())
                .enrichments(c.enrichments(null, null, input.assetId()))
                .rawData(OcsfParts.rawData(input.alert().object()));
        b.unmapped(e.fields().unmapped());
        return b.build();
    }
}
