package io.protect.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An OCSF alert as the store keeps it: the whole event, plus the columns the API filters on,
 * lifted out of it. The tenant is the envelope's (set at ingest from the token), never the event's.
 *
 * @param ingestedAt when ingest accepted the alert (read from its time-ordered event id), or
 *     {@code null} for an id that carries no time
 * @param ocsf the OCSF event's JSON text, as normalize wrote it
 */
public record StoredEvent(
        UUID eventId,
        String tenantId,
        int classUid,
        int severityId,
        Instant time,
        String srcIp,
        String dstIp,
        String userName,
        String hostName,
        String sourceFormat,
        Instant ingestedAt,
        String ocsf) {
}
