package io.protect.normalize.mapping.windows;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.ocsf.model.events.BaseEvent;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.User;

/**
 * Any other Windows Security event (4662 object access, 4742 computer account changed, 5140/5145
 * share access, 5156 WFP connection, ...) → OCSF Base Event (class 0, activity Other): the common
 * parts (time, severity, status from the audit keyword, device, metadata with the event id as
 * {@code event_code}), the {@code Subject*} account as {@code actor.user}, and every event data
 * field in {@code unmapped}. Nothing is forced into a class whose meaning it does not carry.
 */
public final class WindowsFallbackMapper implements AlertMapper {

    @Override
    public BaseEvent map(AlertEnriched input, MappingContext context) {
        WinCommon c = WinCommon.read(input, context);
        return fallback(c, input, "Windows event " + c.eventId());
    }

    /** A Base Event from the common parts, shared with the Sysmon fallback. */
    public static BaseEvent fallback(WinCommon c, AlertEnriched input, String defaultMessage) {
        WinEvent e = c.event();
        User subject = WindowsParts.user(e, "Subject");
        var session = subject == null ? null : WindowsParts.session(e, "SubjectLogonId", null);
        BaseEvent.Builder b = BaseEvent.builder()
                .activityId(io.protect.ocsf.model.enums.ActivityId.OTHER)
                .activityName(io.protect.ocsf.model.enums.ActivityId.OTHER.caption())
                .className("Base Event")
                .categoryName("Other")
                .typeName("Base Event: Other")
                .time(c.time().epochMillis())
                .timezoneOffset(c.time().offsetMinutes())
                .severityId(c.severity())
                .severity(c.severity().caption())
                .statusId(c.status())
                .status(c.status().caption())
                .message(e.message(defaultMessage))
                .actor(subject == null ? null : Actor.builder().user(subject).session(session).build())
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
