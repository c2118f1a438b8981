package io.protect.model.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void idsAreVersion7WithTheRfcVariant() {
        UUID id = EventIds.newId();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        // The text form parses back to the same id (nothing non-standard about it).
        assertEquals(id, UUID.fromString(id.toString()));
    }

    @Test
    void theCreationTimeIsReadBackToTheMillisecond() {
        long t = Instant.parse("2026-11-22T21:04:05.123Z").toEpochMilli();
        assertEquals(Optional.of(Instant.ofEpochMilli(t)), EventIds.createdAt(EventIds.at(t)));
        // RFC 9562 appendix B.2's example: 017F22E2-79B0-7CC3-98C4-DC0C0C07398F is 2022-02-22T19:22:22Z.
        assertEquals(Optional.of(Instant.parse("2022-02-22T19:22:22Z")),
                EventIds.createdAt(UUID.fromString("017f22e2-79b0-7cc3-98c4-dc0c0c07398f")));
    }

    @Test
    void randomIdsHaveNoCreationTime() {
        assertEquals(Optional.empty(), EventIds.createdAt(UUID.randomUUID()));
        assertEquals(Optional.empty(), EventIds.createdAt(UUID.fromString("017f22e2-79b0-7cc3-18c4-dc0c0c07398f")));
    }

    @Test
    void idsOfLaterMillisecondsSortLaterAsText() {
        UUID a = EventIds.at(1_000_000L);
        UUID b = EventIds.at(1_000_001L);
        assertTrue(a.toString().compareTo(b.toString()) < 0);
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.at(42L));
        }
        assertEquals(100_000, ids.size());
    }
}
