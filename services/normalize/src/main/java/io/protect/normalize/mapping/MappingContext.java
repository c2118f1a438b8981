package io.protect.normalize.mapping;

import java.time.Instant;
import java.util.UUID;

/**
 * What a mapper needs to know about the alert besides its payload: its identity in Protect (which
 * becomes {@code metadata.uid}), whose it is, the flow it belongs to, and when Protect received
 * it (the event time of last resort when the sensor gives none).
 *
 * @param eventId the alert's event id, stable from ingest to storage
 * @param tenantId the owning tenant
 * @param correlationId the correlation id of the flow
 * @param receivedAt when the envelope was created
 */
public record MappingContext(UUID eventId, String tenantId, String correlationId, Instant receivedAt) {
}
