package io.protect.model.envelope;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** W3C trace-context identifiers: 16-byte trace ids and 8-byte span ids, lower-case hex, never all zero. */
public final class TraceIds {
    private static final HexFormat HEX = HexFormat.of();

    private TraceIds() {
    }

    public static String newTraceId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi;
        long lo;
        do {
            hi = r.nextLong();
            lo = r.nextLong();
        } while (hi == 0 && lo == 0);
        return HEX.toHexDigits(hi) + HEX.toHexDigits(lo);
    }

    public static String newSpanId() {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong();
        } while (id == 0);
        return HEX.toHexDigits(id);
    }
}
