package io.protect.tools.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact nearest-rank percentiles, overall and per second. Pure. */
class PercentilesTest {

    @Test
    void nearestRankOverOneToHundred() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[99 - i] = i + 1;
        }
        Percentiles.Summary s = Percentiles.of(samples);
        assertEquals(new Percentiles.Summary(100, 50, 95, 99, 100), s);
        assertEquals(100, samples[0], "the input is not reordered");
    }

    @Test
    void aSingleOutlierIsTheMaxAndOnlyTheTopPercentiles() {
        long[] samples = new long[1000];
        java.util.Arrays.fill(samples, 20);
        samples[500] = 5_000;
        Percentiles.Summary s = Percentiles.of(samples);
        assertEquals(20, s.p50());
        assertEquals(20, s.p99());
        assertEquals(5_000, s.max());
    }

    @Test
    void noSamplesGiveAnEmptySummary() {
        assertEquals(new Percentiles.Summary(0, 0, 0, 0, 0), Percentiles.of(new long[0]));
    }

    @Test
    void perSecondGroupsByTheSecondOfEachSample() {
        long[] at = {1_000, 1_500, 1_999, 2_000, 2_001};
        long[] latency = {10, 30, 20, 7, 9};
        Map<Long, Percentiles.Summary> bySecond = Percentiles.perSecond(at, latency);
        assertEquals(2, bySecond.size());
        assertEquals(new Percentiles.Summary(3, 20, 30, 30, 30), bySecond.get(1L));
        assertEquals(new Percentiles.Summary(2, 7, 9, 9, 9), bySecond.get(2L));
    }
}
