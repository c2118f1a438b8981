package io.protect.model.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every Protect event travels in: identity, type and schema version, time, who
 * produced it, whose it is (tenant), how it relates to other events (correlation and W3C trace
 * context) and how it must be handled (security label). The payload is {@code data}, described by
 * the JSON Schema of {@code eventType}@{@code eventVersion}.
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        String eventVersion,
        @JsonSerialize(using = EventTimestamps.Serializer.class)
        @JsonDeserialize(using = EventTimestamps.Deserializer.class)
        Instant timestamp,
        Source source,
        Tenant tenant,
        Correlation correlation,
        SecurityLabel security,
        JsonNode data) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventVersion, "eventVersion");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(correlation, "correlation");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Equal when every field is equal, comparing {@code data} by JSON value: a number read back from
     * the wire as an int equals the long it was written from.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof EventEnvelope e
                && eventId.equals(e.eventId) && eventType.equals(e.eventType) && eventVersion.equals(e.eventVersion)
                && timestamp.equals(e.timestamp) && source.equals(e.source) && tenant.equals(e.tenant)
                && correlation.equals(e.correlation) && security.equals(e.security)
                && data.equals(JSON_VALUE_ORDER, e.data);
    }

    @Override
    public int hashCode() {
        // data is left out: its node types may differ between equal envelopes.
        return Objects.hash(eventId, eventType, eventVersion, timestamp, source, tenant, correlation, security);
    }

    private static final java.util.Comparator<JsonNode> JSON_VALUE_ORDER = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /** The same event with another payload (a stage's output keeps identity, tenant and label). */
    public EventEnvelope withData(JsonNode newData) {
        return new EventEnvelope(eventId, eventType, eventVersion, timestamp, source, tenant, correlation, security, newData);
    }

    /** The service instance that produced the event. */
    public record Source(String service, String version, String instance) {
    }

    /** The tenant owning the event; always taken from authentication, never from a payload. */
    public record Tenant(String tenantId, String organizationId) {
    }

    /**
     * Links between events: {@code correlationId} groups a whole flow, {@code causationId} names the
     * event that caused this one, and trace/span ids carry the W3C trace context.
     */
    public record Correlation(String correlationId, String traceId, String spanId, String parentSpanId,
            String causationId) {
    }

    /** How the event must be handled: who may see it, how sensitive it is, how long and where it is kept. */
    public record SecurityLabel(Classification classification, Sensitivity sensitivity,
            @JsonProperty("retention") String retention, String geography) {
    }

    /** Who may see an event. */
    public enum Classification {
        PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How much harm disclosure of an event would do. */
    public enum Sensitivity {
        LOW, MEDIUM, HIGH, CRITICAL;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
