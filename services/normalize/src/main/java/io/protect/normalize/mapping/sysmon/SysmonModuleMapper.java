package io.protect.normalize.mapping.sysmon;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.windows.WinEvent;
import io.protect.normalize.mapping.windows.WindowsParts;
import io.protect.normalize.mapping.windows.WinCommon;
import io.protect.ocsf.model.enums.ModuleActivityActivityId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.events.ModuleActivity;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.Module;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Process;
import java.util.ArrayList;
import java.util.List;

/**
 * Sysmon 7 (image loaded) and 6 (driver loaded) → OCSF Module Activity (1005), activity Load.
 * {@code ImageLoaded} → {@code module.file} (path, name, {@code Hashes}, {@code FileVersion},
 * {@code Description}, {@code Company}), {@code module.type} "DLL" (7) / "Driver" (6),
 * {@code load_type_id} Unknown (Sysmon does not record it); the loading
 * process → {@code actor.process} (6 has none: the actor is the kernel, process name "System",
 * pid 4); {@code UtcTime} → {@code start_time}. Signature fields stay unmapped.
 */
public final class SysmonModuleMapper implements AlertMapper {

    @Override
    public ModuleActivity map(AlertEnriched input, MappingContext context) {
        WinCommon c = SysmonParts.read(input, context);
        WinEvent e = c.event();
        Long utc = SysmonParts.utcTime(e, "UtcTime");
        Process process = SysmonParts.built(SysmonParts.process(e, SysmonParts.Names.PROCESS));
        String path = e.data("ImageLoaded").orElse(null);
        var hashes = WindowsParts.hashes(e.peekData("Hashes").orElse(null));
        if (path != null && !hashes.isEmpty()) {
            e.data("Hashes");
        }
        Module module = Module.builder()
                .type(c.eventId() == 6 ? "Driver" : "DLL")
                // Sysmon does not say how the image was loaded.
                .loadTypeId(io.protect.ocsf.model.enums.ModuleLoadTypeId.UNKNOWN)
                .loadType(io.protect.ocsf.model.enums.ModuleLoadTypeId.UNKNOWN.caption())
                .file(path == null ? null : WindowsParts.file(path, hashes).toBuilder()
                        .version(e.data("FileVersion").orElse(null))
                        .desc(e.data("Description").orElse(null))
                        .companyName(e.data("Company").orElse(null))
                        .build())
                .build();
        Actor actor = process != null ? SysmonParts.actor(process)
                : Actor.builder().process(Process.builder().pid(4).name("System").build()).build();
        List<Observable> observables = new ArrayList<>();
        if (path != null) {
            observables.add(WindowsParts.observable("module.file.path", ObservableTypeId.FILE_PATH, path));
        }
        hashes.forEach(h -> observables.add(WindowsParts.observable("module.file.hashes", ObservableTypeId.HASH, h.value())));
        SysmonParts.addProcess(observables, "actor.process", process);
        SysmonParts.addHost(observables, c);
        ModuleActivityActivityId activity = ModuleActivityActivityId.LOAD;
        String message = e.message("Sysmon " + c.eventId() + ": module loaded " + (path != null ? path : ""));
        ModuleActivity.Builder b = ModuleActivity.builder()
                .activityId(activity)
                .activityName(activity.caption())
                .className("Module Activity")
                .categoryName("System Activity")
                .typeName("Module Activity: " + activity.caption())
                .time(c.time().epochMillis())
                .timezoneOffset(c.time().offsetMinutes())
                .startTime(utc)
                .severityId(c.severity())
                .severity(c.severity().caption())
                .statusId(c.status())
                .status(c.status().caption())
                .message(message.strip())
                .module(module)
                .actor(actor)
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
