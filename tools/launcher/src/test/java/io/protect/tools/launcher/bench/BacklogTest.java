package io.protect.tools.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The closed loop's backlog limit: five seconds of what the pipeline gets through, never below the floor. Pure. */
class BacklogTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void fiveSecondsOfTheObservedRate() {
        // 3,000 done in 2 s: 1,500/s, so 7,500 may be queued.
        assertEquals(7_500, Backlog.limit(400, 10_000, 0, 13_000, 2 * SECOND));
    }

    @Test
    void neverBelowTheFloor() {
        assertEquals(400, Backlog.limit(400, 100, 0, 110, 5 * SECOND));
        assertEquals(400, Backlog.limit(400, 100, 5 * SECOND, 100, 5 * SECOND));
    }
}
