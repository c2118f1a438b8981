package io.protect.store.stage;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.envelope.Event;
import io.protect.model.envelope.EventIds;
import io.protect.model.events.AlertNormalized;
import io.protect.model.events.AlertScored;
import io.protect.model.events.Prediction;
import io.protect.model.ocsf.IpAddresses;
import io.protect.store.StoredEvent;
import io.protect.store.StoredPrediction;
import java.time.Instant;
import java.util.Map;

/**
 * Turns pipeline events into the rows the store keeps: an AlertNormalized into a
 * {@link StoredEvent} (the queryable columns lifted out of its OCSF event, the event itself kept as
 * the text normalize wrote), an AlertScored into a {@link StoredPrediction}. Input that can never be
 * stored throws {@link IllegalArgumentException}, which the stage runner dead-letters at once.
 */
public final class StoredEventMapper {

    /** The AlertNormalized event as the row of ocsf_events. */
    public StoredEvent toEvent(Event<AlertNormalized> event) {
        AlertNormalized alert = event.payload();
        JsonNode ocsf = alert.ocsf().tree();
        String srcIp = firstText(ocsf.at("/src_endpoint/ip"));
        return new StoredEvent(
                event.eventId(),
                event.tenantId(),
                requiredInt(ocsf, "class_uid"),
                requiredInt(ocsf, "severity_id"),
                Instant.ofEpochMilli(requiredLong(ocsf, "time")),
                ip(srcIp != null ? srcIp : alert.sourceIp()),
                ip(firstText(ocsf.at("/dst_endpoint/ip"))),
                firstText(ocsf.at("/actor/user/name"), ocsf.at("/user/name")),
                firstText(ocsf.at("/device/hostname"), ocsf.at("/src_endpoint/hostname")),
                alert.sourceFormat().wireName(),
                EventIds.createdAt(event.eventId()).orElse(null),
                alert.ocsf().text());
    }

    /** The AlertScored event as the row of predictions. */
    public StoredPrediction toPrediction(Event<AlertScored> event) {
        Prediction p = event.payload().prediction();
        return new StoredPrediction(event.eventId(), event.tenantId(), p.label(), p.probability(), p.modelVersion(),
                features(p.features()));
    }

    /** The features as a JSON object of numbers (names are the model's own identifiers). */
    static String features(Map<String, Double> features) {
        StringBuilder json = new StringBuilder(32 * features.size() + 2).append('{');
        for (Map.Entry<String, Double> f : features.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"');
            json.append(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(f.getKey()));
            json.append("\":");
            double v = f.getValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("feature " + f.getKey() + " is not a finite number: " + v);
            }
            json.append(v);
        }
        return json.append('}').toString();
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
