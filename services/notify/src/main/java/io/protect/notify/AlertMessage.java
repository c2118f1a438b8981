package io.protect.notify;

import java.util.UUID;

/**
 * A scored alert as pushed over the WebSocket to the analysts of its tenant: what a live feed needs
 * to show one line, without the whole OCSF event.
 *
 * @param time the OCSF time of the alert, epoch milliseconds
 * @param riskScore enrich's risk score 0–100, {@code null} when the event carries none
 * @param ingestedAt when ingest accepted the alert, epoch milliseconds (from its time-ordered event
 *     id), {@code null} for an id that carries no time
 */
public record AlertMessage(
        UUID eventId,
        String tenantId,
        String title,
        int severityId,
        String severity,
        String label,
        double probability,
        int classUid,
        long time,
        String srcIp,
        String dstIp,
        Integer riskScore,
        Long ingestedAt) {
}
