package io.protect.tools.launcher.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact percentiles of latency samples (nearest rank over all samples, no bucketing), overall and
 * per second of the time line.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** p50/p95/p99/max of a set of samples in milliseconds; {@code count} 0 when there were none. */
    public record Summary(long count, long p50, long p95, long p99, long max) {
        static final Summary EMPTY = new Summary(0, 0, 0, 0, 0);
    }

    /** The summary of {@code samples} (not changed). */
    public static Summary of(long[] samples) {
        if (samples.length == 0) {
            return Summary.EMPTY;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Summary(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    /**
     * The nearest-rank percentile of sorted samples: the smallest sample that at least {@code p} % of
     * all samples are less than or equal to.
     */
    static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * Per second (epoch second of {@code atMillis}), the summary of the samples taken in that second:
     * what the chart draws. {@code atMillis[i]} belongs to {@code latencies[i]}.
     */
    public static Map<Long, Summary> perSecond(long[] atMillis, long[] latencies) {
        if (atMillis.length != latencies.length) {
            throw new IllegalArgumentException("one time per sample");
        }
        Map<Long, long[]> buckets = new TreeMap<>();
        Map<Long, Integer> sizes = new TreeMap<>();
        for (long at : atMillis) {
            sizes.merge(Math.floorDiv(at, 1000), 1, Integer::sum);
        }
        sizes.forEach((second, n) -> buckets.put(second, new long[n]));
        Map<Long, Integer> filled = new TreeMap<>();
        for (int i = 0; i < atMillis.length; i++) {
            long second = Math.floorDiv(atMillis[i], 1000);
            int at = filled.merge(second, 1, Integer::sum) - 1;
            buckets.get(second)[at] = latencies[i];
        }
        Map<Long, Summary> out = new TreeMap<>();
        buckets.forEach((second, values) -> out.put(second, of(values)));
        return out;
    }
}
