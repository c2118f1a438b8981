package io.protect.model.envelope;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event ids are time-ordered UUIDs, version 7 of RFC 9562: the first 48 bits are the Unix time in
 * milliseconds at which the id was made. Ingest makes an alert's id when it accepts the alert and
 * every later stage keeps it, so the id also says when the alert entered Protect (which is how the
 * store and the live feed measure end-to-end latency), and ids made close together sort close
 * together in the store's primary-key index instead of landing on random pages.
 */
public final class EventIds {

    private EventIds() {
    }

    /** A new version 7 id for the current time. */
    public static UUID newId() {
        return at(System.currentTimeMillis());
    }

    /** A new version 7 id for the given Unix time in milliseconds (74 random bits). */
    public static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** When a version 7 id was made; empty for ids of another version (older, random ones). */
    public static Optional<Instant> createdAt(UUID id) {
        if (id.version() != 7 || id.variant() != 2) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16));
    }
}
