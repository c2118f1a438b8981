package io.protect.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * An OCSF alert as the store keeps it: the whole event, plus the columns the API filters on,
 * lifted out of it. The tenant is the envelope's (set at ingest from the token), never the event's.
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
        JsonNode ocsf) {
}
