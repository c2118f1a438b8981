package io.protect.tools.launcher.bench;

/** Latency samples (ms), each with the time (epoch ms) it belongs to; safe to add to from several threads. */
final class LatencySamples {
    private long[] at = new long[1024];
    private long[] latency = new long[1024];
    private int size;

    synchronized void add(long atMillis, long latencyMillis) {
        if (size == at.length) {
            at = java.util.Arrays.copyOf(at, size * 2);
            latency = java.util.Arrays.copyOf(latency, size * 2);
        }
        at[size] = atMillis;
        latency[size++] = latencyMillis;
    }

    /** The samples whose time is in [fromMillis, toMillis). */
    synchronized LatencySamples between(long fromMillis, long toMillis) {
        LatencySamples out = new LatencySamples();
        for (int i = 0; i < size; i++) {
            if (at[i] >= fromMillis && at[i] < toMillis) {
                out.add(at[i], latency[i]);
            }
        }
        return out;
    }

    synchronized long[] at() {
        return java.util.Arrays.copyOf(at, size);
    }

    synchronized long[] latencies() {
        return java.util.Arrays.copyOf(latency, size);
    }

    synchronized int size() {
        return size;
    }
}
