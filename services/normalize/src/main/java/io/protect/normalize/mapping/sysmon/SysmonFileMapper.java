package io.protect.normalize.mapping.sysmon;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.windows.WinEvent;
import io.protect.normalize.mapping.windows.WindowsParts;
import io.protect.normalize.mapping.windows.WinCommon;
import io.protect.ocsf.model.enums.FileActivityActivityId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.events.FileActivity;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.File;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Process;
import java.util.ArrayList;
import java.util.List;

/**
 * Sysmon file events → OCSF File System Activity (1001): 11 (file create) and 15 (file stream
 * created) → Create, 2 (file creation time changed) → Set Attributes, 23 (file delete archived)
 * and 26 (file delete detected) → Delete. {@code TargetFilename} → {@code file} (path, name,
 * parent folder), {@code CreationUtcTime} → {@code file.created_time}, {@code Hashes} (23, 15) →
 * {@code file.hashes}; the process → {@code actor.process}; {@code UtcTime} → {@code start_time}.
 */
public final class SysmonFileMapper implements AlertMapper {

    @Override
    public FileActivity map(AlertEnriched input, MappingContext context) {
        WinCommon c = SysmonParts.read(input, context);
        WinEvent e = c.event();
        FileActivityActivityId activity = switch (c.eventId()) {
            case 11, 15 -> FileActivityActivityId.CREATE;
            case 2 -> FileActivityActivityId.SET_ATTRIBUTES;
            case 23, 26 -> FileActivityActivityId.DELETE;
            default -> FileActivityActivityId.OTHER;
        };
        Long utc = SysmonParts.utcTime(e, "UtcTime");
        Process process = SysmonParts.built(SysmonParts.process(e, SysmonParts.Names.PROCESS));
        String path = e.data("TargetFilename").orElse(null);
        File file;
        if (path != null) {
            var hashes = WindowsParts.hashes(e.peekData("Hashes").or(() -> e.peekData("Hash")).orElse(null));
            if (!hashes.isEmpty()) {
                e.data("Hashes").or(() -> e.data("Hash"));
            }
            file = WindowsParts.file(path, hashes).toBuilder()
                    .createdTime(SysmonParts.utcTime(e, "CreationUtcTime"))
                    .isDeleted(activity == FileActivityActivityId.DELETE ? Boolean.TRUE : null)
                    .build();
        } else {
            file = File.builder().name("unknown").typeId(io.protect.ocsf.model.enums.FileTypeId.UNKNOWN)
                    .type(io.protect.ocsf.model.enums.FileTypeId.UNKNOWN.caption()).build();
        }
        Actor actor = SysmonParts.actor(process);
        List<Observable> observables = new ArrayList<>();
        if (path != null) {
            observables.add(WindowsParts.observable("file.path", ObservableTypeId.FILE_PATH, path));
            observables.add(WindowsParts.observable("file.name", ObservableTypeId.FILE_NAME, file.name()));
        }
        SysmonParts.addProcess(observables, "actor.process", process);
        SysmonParts.addHost(observables, c);
        String message = e.message("Sysmon " + c.eventId() + ": file " + activity.caption().toLowerCase(java.util.Locale.ROOT)
                + " " + (path != null ? path : ""));
        FileActivity.Builder b = FileActivity.builder()
                .activityId(activity)
                .activityName(activity.caption())
                .className("File System Activity")
                .categoryName("System Activity")
                .typeName("File System Activity: " + activity.caption())
                .time(c.time().epochMillis())
                .timezoneOffset(c.time().offsetMinutes())
                .startTime(utc)
                .severityId(c.severity())
                .severity(c.severity().caption())
                .statusId(c.status())
                .status(c.status().caption())
                .message(message.strip())
                .file(file)
                .actor(actor == null ? Actor.builder().process(Process.builder().pid(-1).name("unknown").build()).build() : actor)
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
