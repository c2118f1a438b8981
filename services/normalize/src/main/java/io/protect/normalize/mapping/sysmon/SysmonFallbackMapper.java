package io.protect.normalize.mapping.sysmon;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.windows.WinEvent;
import io.protect.normalize.mapping.windows.WinCommon;
import io.protect.ocsf.model.enums.ActivityId;
import io.protect.ocsf.model.events.BaseEvent;
import io.protect.ocsf.model.objects.Process;

/**
 * Any other Sysmon event → OCSF Base Event (class 0, activity Other). This covers the registry
 * events 12/13/14 (OCSF 1.8.0 has no core registry class: Registry Key/Value Activity live in
 * the Windows extension, which Protect's schema does not load), 4/16 (service state,
 * configuration change), 9, 17–21, 24, 25 (process tampering) and 255 (error). Common parts,
 * {@code UtcTime} → {@code start_time}, the process ({@code ProcessGuid}/{@code ProcessId}/
 * {@code Image}/{@code User}) → {@code actor.process}; the rest ({@code TargetObject},
 * {@code Details}, {@code EventType}, ...) stays in {@code unmapped}.
 */
public final class SysmonFallbackMapper implements AlertMapper {

    @Override
    public BaseEvent map(AlertEnriched input, MappingContext context) {
        WinCommon c = SysmonParts.read(input, context);
        WinEvent e = c.event();
        Long utc = SysmonParts.utcTime(e, "UtcTime");
        Process process = SysmonParts.built(SysmonParts.process(e, SysmonParts.Names.PROCESS));
        BaseEvent.Builder b = BaseEvent.builder()
                .activityId(ActivityId.OTHER)
                .activityName(ActivityId.OTHER.caption())
                .className("Base Event")
                .categoryName("Other")
                .typeName("Base Event: Other")
                .time(c.time().epochMillis())
                .timezoneOffset(c.time().offsetMinutes())
                .startTime(utc)
                .severityId(c.severity())
                .severity(c.severity().caption())
                .statusId(c.status())
                .status(c.status().caption())
                .message(e.message("Sysmon event " + c.eventId()))
                .actor(SysmonParts.actor(process))
                .device(c.device())
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
