package io.protect.model.envelope;

import io.protect.model.envelope.EventEnvelope.Correlation;
import io.protect.model.envelope.EventEnvelope.SecurityLabel;
import io.protect.model.envelope.EventEnvelope.Source;
import io.protect.model.envelope.EventEnvelope.Tenant;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An envelope whose payload is bound to its typed record: what a pipeline stage reads and writes.
 * The envelope fields are those of {@link EventEnvelope}; {@code payload} is what the event type's
 * {@link io.protect.model.wire.PayloadCodec} reads from {@code data} and writes back.
 *
 * @param <T> the payload record of the event type
 */
public record Event<T>(
        UUID eventId,
        String eventType,
        String eventVersion,
        Instant timestamp,
        Source source,
        Tenant tenant,
        Correlation correlation,
        SecurityLabel security,
        T payload) {

    public Event {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventVersion, "eventVersion");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(correlation, "correlation");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(payload, "payload");
    }

    /** The tenant's id, which every record of a stage is processed under. */
    public String tenantId() {
        return tenant.tenantId();
    }
}
