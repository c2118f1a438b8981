package io.protect.notify;

/**
 * The payload of an AlertNotification 1.0.0 event (security.notifications): the pushed alert and
 * how many analyst sessions it reached.
 */
public record AlertNotification(
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
        int delivered) {
}
