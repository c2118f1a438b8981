package io.protect.normalize.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** EventTimes on the timestamp spellings sensors write; nothing faked. */
class EventTimesTest {

    @Test
    void offsetsWithAndWithoutColonAndZulu() {
        Instant expected = Instant.parse("2015-06-03T15:25:17.013Z");
        assertEquals(expected.toEpochMilli(), EventTimes.parseIso("2015-06-03T15:25:17.013427+0000").orElseThrow().epochMillis());
        assertEquals(expected.toEpochMilli(), EventTimes.parseIso("2015-06-03T15:25:17.013427Z").orElseThrow().epochMillis());
        assertEquals(expected.toEpochMilli(), EventTimes.parseIso("2015-06-03T17:25:17.013+02:00").orElseThrow().epochMillis());
        var mountain = EventTimes.parseIso("2015-06-03T09:25:17.013427-0600").orElseThrow();
        assertEquals(expected.toEpochMilli(), mountain.epochMillis());
        assertEquals(-360, mountain.offsetMinutes());
        assertEquals(330, EventTimes.parseIso("2015-06-03T20:55:17+0530").orElseThrow().offsetMinutes());
    }

    @Test
    void textWithoutAnOffsetOrNotATimeIsRejected() {
        assertTrue(EventTimes.parseIso("2015-06-03T15:25:17").isEmpty());
        assertTrue(EventTimes.parseIso("yesterday").isEmpty());
        assertTrue(EventTimes.parseIso(null).isEmpty());
    }

    @Test
    void epochSecondsAndMillis() {
        assertEquals(1433345117013L, EventTimes.fromEpoch(new BigDecimal("1433345117.013427")).orElseThrow().epochMillis());
        assertEquals(1433345117013L, EventTimes.fromEpoch(new BigDecimal("1433345117013")).orElseThrow().epochMillis());
        assertTrue(EventTimes.fromEpoch(new BigDecimal("-1")).isEmpty());
    }
}
