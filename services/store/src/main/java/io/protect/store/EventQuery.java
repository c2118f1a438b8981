package io.protect.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One page request of a tenant's events: optional filters (each {@code null} when absent), the page
 * size, and where the previous page ended.
 *
 * @param since inclusive lower bound of the OCSF time
 * @param until exclusive upper bound of the OCSF time
 */
public record EventQuery(
        Integer classUid,
        Integer severityId,
        Instant since,
        Instant until,
        String srcIp,
        int limit,
        Optional<PageCursor> after) {

    /** The position of the last item of a page in the list order (time desc, event id desc). */
    public record PageCursor(Instant time, UUID eventId) {
    }
}
