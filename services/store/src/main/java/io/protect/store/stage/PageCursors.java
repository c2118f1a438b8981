package io.protect.store.stage;

import io.protect.store.EventQuery.PageCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque paging cursor: the (time, event id) of a page's last item, base64url-encoded so that
 * clients treat it as a token and never build one. Time is kept to the microsecond, which is what
 * PostgreSQL stores, so the next page starts exactly after that item.
 */
public final class PageCursors {

    private static final String PARAMETER = "cursor";

    private PageCursors() {
    }

    public static String encode(PageCursor cursor) {
        long micros = Math.addExact(Math.multiplyExact(cursor.time().getEpochSecond(), 1_000_000L),
                cursor.time().getNano() / 1_000L);
        String plain = "v1:" + micros + ":" + cursor.eventId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor; anything this class did not produce is rejected naming the parameter. */
    public static PageCursor decode(String token) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(PARAMETER, "not a cursor returned by this API");
        }
        String[] parts = plain.split(":", -1);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new InvalidParameterException(PARAMETER, "not a cursor returned by this API");
        }
        try {
            long micros = Long.parseLong(parts[1]);
            Instant time = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            return new PageCursor(time, UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(PARAMETER, "not a cursor returned by this API");
        }
    }
}
