package io.protect.normalize.mapping.sysmon;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.windows.WinEvent;
import io.protect.normalize.mapping.windows.WinCommon;
import io.protect.ocsf.model.enums.ProcessActivityActivityId;
import io.protect.ocsf.model.events.ProcessActivity;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Process;
import java.util.ArrayList;
import java.util.List;

/**
 * Sysmon process events → OCSF Process Activity (1007).
 * <ul>
 *   <li>1 (process create) → Launch: {@code ProcessGuid}/{@code ProcessId}/{@code Image}/
 *       {@code CommandLine}/{@code User}/{@code CurrentDirectory}/{@code IntegrityLevel}/
 *       {@code LogonId}/{@code LogonGuid} → {@code process}; {@code Hashes} (SHA256=...,MD5=...)
 *       and {@code FileVersion}/{@code Description}/{@code Company} → {@code process.file};
 *       {@code UtcTime} → {@code process.created_time} and {@code start_time};
 *       {@code Parent*} → {@code process.parent_process} and {@code actor.process}.</li>
 *   <li>5 (process terminated) → Terminate: the process, {@code UtcTime} →
 *       {@code process.terminated_time}; the actor is the process itself.</li>
 *   <li>8 (CreateRemoteThread) → Inject; 10 (ProcessAccess) → Open: {@code Source*} →
 *       {@code actor.process}, {@code Target*} → {@code process}, {@code GrantedAccess} →
 *       {@code requested_permissions}.</li>
 * </ul>
 */
public final class SysmonProcessMapper implements AlertMapper {

    @Override
    public ProcessActivity map(AlertEnriched input, MappingContext context) {
        WinCommon c = SysmonParts.read(input, context);
        WinEvent e = c.event();
        int id = c.eventId();
        ProcessActivityActivityId activity = switch (id) {
            case 1 -> ProcessActivityActivityId.LAUNCH;
            case 5 -> ProcessActivityActivityId.TERMINATE;
            case 8 -> ProcessActivityActivityId.INJECT;
            case 10 -> ProcessActivityActivityId.OPEN;
            default -> ProcessActivityActivityId.OTHER;
        };
        Long utc = SysmonParts.utcTime(e, "UtcTime");
        Process process;
        Process actorProcess;
        Integer permissions = null;
        if (id == 8 || id == 10) {
            actorProcess = SysmonParts.built(SysmonParts.process(e, SysmonParts.Names.SOURCE));
            process = SysmonParts.built(SysmonParts.process(e, SysmonParts.Names.TARGET));
            permissions = e.dataInt("GrantedAccess").orElse(null);
        } else {
            Process parent = SysmonParts.built(SysmonParts.process(e, SysmonParts.Names.PARENT));
            Process.Builder b = SysmonParts.process(e, SysmonParts.Names.PROCESS);
            if (b != null && id == 1) {
                SysmonParts.launchDetails(e, b, b.build().path());
                b.createdTime(utc);
            }
            if (b != null && id == 5) {
                b.terminatedTime(utc);
            }
            if (b != null) {
                b.parentProcess(parent);
            }
            process = SysmonParts.built(b);
            actorProcess = id == 1 ? parent : process;
        }
        if (process == null) {
            process = Process.builder().pid(-1).name("unknown").build();
        }
        Actor actor = SysmonParts.actor(actorProcess);
        if (actor == null) {
            actor = Actor.builder().user(process.user()).process(process.user() == null ? process : null).build();
        }
        List<Observable> observables = new ArrayList<>();
        SysmonParts.addProcess(observables, "process", process);
        SysmonParts.addProcess(observables, "actor.process", actorProcess);
        SysmonParts.addHost(observables, c);
        String message = e.message("Sysmon " + id + ": process " + activity.caption().toLowerCase(java.util.Locale.ROOT)
                + " " + (process.path() != null ? process.path() : process.name()));
        ProcessActivity.Builder b = ProcessActivity.builder()
                .activityId(activity)
                .activityName(activity.caption())
                .className("Process Activity")
                .categoryName("System Activity")
                .typeName("Process Activity: " + activity.caption())
                .time(c.time().epochMillis())
                .timezoneOffset(c.time().offsetMinutes())
                .startTime(utc)
                .severityId(c.severity())
                .severity(c.severity().caption())
                .statusId(c.status())
                .status(c.status().caption())
                .message(message)
                .process(process)
                .actor(actor)
                .requestedPermissions(permissions)
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
