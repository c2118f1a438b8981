package io.protect.store.stage;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.envelope.EventIds;
import io.protect.model.events.EventType;
import io.protect.model.ocsf.IpAddresses;
import io.protect.store.StoredEvent;
import io.protect.store.StoredPrediction;
import java.time.Instant;

/**
 * Turns pipeline envelopes into the rows the store keeps: an AlertNormalized into a
 * {@link StoredEvent} (the queryable columns lifted out of its OCSF event), an AlertScored into a
 * {@link StoredPrediction}. Input that can never be stored throws {@link IllegalArgumentException},
 * which the stage runner dead-letters at once.
 */
public final class StoredEventMapper {

    /** The AlertNormalized envelope as the row of ocsf_events. */
    public StoredEvent toEvent(EventEnvelope envelope) {
        requireType(envelope, EventType.ALERT_NORMALIZED);
        JsonNode data = envelope.data();
        JsonNode ocsf = data.path("ocsf");
        return new StoredEvent(
                envelope.eventId(),
                envelope.tenant().tenantId(),
                requiredInt(ocsf, "class_uid"),
                requiredInt(ocsf, "severity_id"),
                Instant.ofEpochMilli(requiredLong(ocsf, "time")),
                ip(firstText(ocsf.at("/src_endpoint/ip"), data.path("sourceIp"))),
                ip(firstText(ocsf.at("/dst_endpoint/ip"))),
                firstText(ocsf.at("/actor/user/name"), ocsf.at("/user/name")),
                firstText(ocsf.at("/device/hostname"), ocsf.at("/src_endpoint/hostname")),
                data.path("sourceFormat").asText(),
                EventIds.createdAt(envelope.eventId()).orElse(null),
                ocsf);
    }

    /** The AlertScored envelope as the row of predictions. */
    public StoredPrediction toPrediction(EventEnvelope envelope) {
        requireType(envelope, EventType.ALERT_SCORED);
        // The schema (checked when the envelope was decoded) requires every one of these fields.
        JsonNode prediction = envelope.data().path("prediction");
        return new StoredPrediction(
                envelope.eventId(),
                envelope.tenant().tenantId(),
                prediction.path("label").asText(),
                prediction.path("probability").asDouble(),
                prediction.path("modelVersion").asText(),
                prediction.path("features"));
    }

    private static void requireType(EventEnvelope envelope, EventType expected) {
        if (!expected.wireName().equals(envelope.eventType())) {
            throw new IllegalArgumentException("expected a " + expected.wireName() + " event, got "
                    + envelope.eventType() + " " + envelope.eventVersion());
        }
    }

    private static int requiredInt(JsonNode ocsf, String field) {
        JsonNode value = ocsf.path(field);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("OCSF field " + field + " is not an integer: " + value);
        }
        return value.intValue();
    }

    private static long requiredLong(JsonNode ocsf, String field) {
        JsonNode value = ocsf.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("OCSF field " + field + " is not an epoch-milliseconds integer: " + value);
        }
        return value.longValue();
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            if (c.isTextual() && !c.asText().isBlank()) {
                return c.asText();
            }
        }
        return null;
    }

    /**
     * An address the inet column accepts, or {@code null}: a value that is not an IP literal stays
     * only in the stored OCSF event (it is not a reason to lose the alert), and a zone suffix is
     * dropped because PostgreSQL's inet type has none.
     */
    static String ip(String value) {
        if (value == null || !IpAddresses.isIpAddress(value)) {
            return null;
        }
        int zone = value.indexOf('%');
        return zone < 0 ? value : value.substring(0, zone);
    }
}
