package io.protect.normalize.mapping.windows;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.ocsf.model.enums.EventLogActvityActivityId;
import io.protect.ocsf.model.events.EventLogActvity;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.User;

/**
 * Windows event log service events (provider Microsoft-Windows-Eventlog, Security channel) →
 * OCSF Event Log Activity (1008): 1100 (the event logging service shut down) → Stop, 1102 (the
 * audit log was cleared) → Clear, 1104 (the security log is full) and 1105 (auto-backup) →
 * Archive / Other. The clearing account ({@code UserData.LogFileCleared.Subject*}, Winlogbeat
 * {@code winlog.user_data.Subject*}) → {@code actor.user}; the channel → {@code log_name}.
 */
public final class WindowsEventLogMapper implements AlertMapper {

    @Override
    public EventLogActvity map(AlertEnriched input, MappingContext context) {
        WinCommon c = WinCommon.read(input, context);
        WinEvent e = c.event();
        EventLogActvityActivityId activity = switch (c.eventId()) {
            case 1100 -> EventLogActvityActivityId.STOP;
            case 1102 -> EventLogActvityActivityId.CLEAR;
            case 1105 -> EventLogActvityActivityId.ARCHIVE;
            default -> EventLogActvityActivityId.OTHER;
        };
        String base = switch (e.form()) {
            case WINLOGBEAT -> "winlog.user_data.";
            case XML -> "UserData.LogFileCleared.";
            case NXLOG -> "";
        };
        String name = e.text(base + "SubjectUserName").orElse(null);
        String domain = name == null ? null : e.text(base + "SubjectDomainName").orElse(null);
        String sid = e.text(base + "SubjectUserSid").orElse(null);
        Actor actor = null;
        if (name != null || sid != null) {
            actor = Actor.builder().user(User.builder().name(name).domain(domain).uid(sid).build())
                    .session(e.text(base + "SubjectLogonId").map(id -> io.protect.ocsf.model.objects.Session.builder().uid(id).build()).orElse(null))
                    .build();
        }
        String message = e.message("Windows event log " + activity.caption().toLowerCase(java.util.Locale.ROOT)
                + " (event " + c.eventId() + ")");
        EventLogActvity.Builder b = EventLogActvity.builder()
                .activityId(activity)
                .activityName(activity.caption())
                .className("Event Log Activity")
                .categoryName("System Activity")
                .typeName("Event Log Activity: " + activity.caption())
                .time(c.time().epochMillis())
                .timezoneOffset(c.time().offsetMinutes())
                .severityId(c.severity())
                .severity(c.severity().caption())
                .statusId(c.status())
                .status(c.status().caption())
                .message(message)
                .actor(actor)
                .logName(c.metadata().logName())
                .logProvider(c.metadata().logProvider())
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
