package io.protect.notify.stage;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.envelope.Event;
import io.protect.model.envelope.EventIds;
import io.protect.model.events.AlertScored;
import io.protect.model.events.Prediction;
import io.protect.notify.AlertMessage;
import io.protect.model.events.AlertNotification;
import java.time.Instant;

/**
 * Condenses an AlertScored event into the line an analyst sees (title, severity, verdict, endpoints,
 * risk) and that line into the AlertNotification record of its delivery. Input that can never be
 * shown throws {@link IllegalArgumentException}, which the stage runner dead-letters at once.
 */
public final class AlertNotifications {

    /** The alert message of an AlertScored event. */
    public AlertMessage toMessage(Event<AlertScored> event) {
        AlertScored scored = event.payload();
        JsonNode ocsf = scored.ocsf().tree();
        Prediction prediction = scored.prediction();
        int classUid = integer(ocsf, "class_uid");
        int severityId = integer(ocsf, "severity_id");
        JsonNode time = ocsf.path("time");
        if (!time.isIntegralNumber()) {
            throw new IllegalArgumentException("OCSF field time is not an epoch-milliseconds integer: " + time);
        }
        String srcIp = first(ocsf.at("/src_endpoint/ip"));
        return new AlertMessage(
                event.eventId(),
                event.tenantId(),
                title(ocsf, classUid),
                severityId,
                text(ocsf.path("severity")) != null ? text(ocsf.path("severity")) : severityName(severityId),
                prediction.label(),
                prediction.probability(),
                classUid,
                time.longValue(),
                srcIp != null ? srcIp : scored.sourceIp(),
                first(ocsf.at("/dst_endpoint/ip")),
                riskScore(ocsf),
                EventIds.createdAt(event.eventId()).map(Instant::toEpochMilli).orElse(null));
    }

    /** The notification event's payload for a message pushed to {@code delivered} sessions. */
    public AlertNotification toNotification(AlertMessage m, int delivered) {
        return new AlertNotification(m.title(), m.severityId(), m.severity(), m.label(), m.probability(), m.classUid(),
                m.time(), m.srcIp(), m.dstIp(), m.riskScore(), delivered);
    }

    /** What the alert is about, from the most specific field an OCSF event has. */
    static String title(JsonNode ocsf, int classUid) {
        String title = first(ocsf.at("/finding_info/title"), ocsf.path("message"), ocsf.path("type_name"),
                ocsf.path("class_name"));
        return title != null ? title : "OCSF class " + classUid;
    }

    /** OCSF's severity_id captions, for events that carry only the id. */
    static String severityName(int id) {
        return switch (id) {
            case 0 -> "Unknown";
            case 1 -> "Informational";
            case 2 -> "Low";
            case 3 -> "Medium";
            case 4 -> "High";
            case 5 -> "Critical";
            case 6 -> "Fatal";
            case 99 -> "Other";
            default -> "Unknown";
        };
    }

    /** Normalize puts enrich's risk score into OCSF's own risk_score (0–100); absent is null, not 0. */
    static Integer riskScore(JsonNode ocsf) {
        JsonNode score = ocsf.path("risk_score");
        if (!score.isNumber()) {
            return null;
        }
        return Math.max(0, Math.min(100, (int) Math.round(score.doubleValue())));
    }

    private static int integer(JsonNode ocsf, String field) {
        JsonNode value = ocsf.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("OCSF field " + field + " is not an integer: " + value);
        }
        return value.intValue();
    }

    private static String first(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            String t = text(c);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
