package io.protect.tools.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one benchmark run does: the length of each phase, the fixed rate of the latency phase, the
 * size of the baseline and where the report goes. {@code --quick} is the run of under three minutes;
 * without it the phases are long enough for steady numbers (about ten minutes in all).
 *
 * @param quick          whether the quick presets were chosen
 * @param outDir         where report.md, report.json and chart.png are written
 * @param baselineRecords records ProducerPerformance sends (ConsumerPerformance reads them back)
 * @param warmup         load before the throughput phase, excluded from every number
 * @param throughput     the closed-loop phase
 * @param latency        the fixed-rate phase
 * @param rate           events per second in the latency phase
 * @param latencyBatch   alerts per request in the latency phase (a batch every latencyBatch/rate s)
 * @param senders        concurrent senders of the closed loop
 * @param batch          alerts per request in the closed loop
 * @param profile        whether to take a CPU flame graph of each service during the throughput phase
 * @param drainTimeout   after a phase, how long the stored and dead-lettered count may stand still before
 *                       the wait for every sent event is given up
 */
public record BenchOptions(boolean quick, Path outDir, int baselineRecords, Duration warmup, Duration throughput,
        Duration latency, int rate, int latencyBatch, int senders, int batch, Duration drainTimeout, boolean profile) {

    public BenchOptions {
        if (rate <= 0 || latencyBatch <= 0 || senders <= 0 || batch <= 0 || baselineRecords <= 0) {
            throw new IllegalArgumentException("rate, batches, senders and baseline records must be positive");
        }
        if (throughput.isZero() || throughput.isNegative() || latency.isZero() || latency.isNegative()) {
            throw new IllegalArgumentException("the throughput and latency phases need a positive duration");
        }
    }

    /** The usage line of {@code ./protect bench}. */
    public static final String USAGE = "./protect bench [--quick] [--profile] [--rate N] [--out DIR] [--baseline-records N]"
            + " [--warmup-seconds N] [--throughput-seconds N] [--latency-seconds N] [--senders N] [--batch N]"
            + " [--drain-seconds N]";

    /** Reads the command line after {@code bench}; relative paths are taken from {@code root}. */
    public static BenchOptions parse(String[] args, Path root) {
        boolean quick = false;
        boolean profile = false;
        for (String a : args) {
            quick |= a.equals("--quick");
            profile |= a.equals("--profile");
        }
        BenchOptions o = quick
                ? new BenchOptions(true, root.resolve("target/bench"), 200_000, Duration.ofSeconds(10),
                        Duration.ofSeconds(20), Duration.ofSeconds(10), 2_000, 50, 4, 100, Duration.ofSeconds(30), profile)
                : new BenchOptions(false, root.resolve("target/bench"), 1_000_000, Duration.ofSeconds(30),
                        Duration.ofSeconds(180), Duration.ofSeconds(120), 2_000, 50, 4, 100, Duration.ofSeconds(60), profile);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--quick") || a.equals("--profile") || a.equals("bench")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value; usage: " + USAGE);
            }
            String v = args[++i];
            o = switch (a) {
                case "--out" -> o.with(root.resolve(v), o.baselineRecords, o.warmup, o.throughput, o.latency, o.rate,
                        o.senders, o.batch, o.drainTimeout);
                case "--rate" -> o.with(o.outDir, o.baselineRecords, o.warmup, o.throughput, o.latency, positive(a, v),
                        o.senders, o.batch, o.drainTimeout);
                case "--baseline-records" -> o.with(o.outDir, positive(a, v), o.warmup, o.throughput, o.latency, o.rate,
                        o.senders, o.batch, o.drainTimeout);
                case "--warmup-seconds" -> o.with(o.outDir, o.baselineRecords, Duration.ofSeconds(nonNegative(a, v)),
                        o.throughput, o.latency, o.rate, o.senders, o.batch, o.drainTimeout);
                case "--throughput-seconds" -> o.with(o.outDir, o.baselineRecords, o.warmup,
                        Duration.ofSeconds(positive(a, v)), o.latency, o.rate, o.senders, o.batch, o.drainTimeout);
                case "--latency-seconds" -> o.with(o.outDir, o.baselineRecords, o.warmup, o.throughput,
                        Duration.ofSeconds(positive(a, v)), o.rate, o.senders, o.batch, o.drainTimeout);
                case "--senders" -> o.with(o.outDir, o.baselineRecords, o.warmup, o.throughput, o.latency, o.rate,
                        positive(a, v), o.batch, o.drainTimeout);
                case "--batch" -> o.with(o.outDir, o.baselineRecords, o.warmup, o.throughput, o.latency, o.rate,
                        o.senders, positive(a, v), o.drainTimeout);
                case "--drain-seconds" -> o.with(o.outDir, o.baselineRecords, o.warmup, o.throughput, o.latency, o.rate,
                        o.senders, o.batch, Duration.ofSeconds(positive(a, v)));
                default -> throw new IllegalArgumentException("unknown option " + a + "; usage: " + USAGE);
            };
        }
        return o;
    }

    /**
     * The interval between two batches of the latency phase: {@code latencyBatch} alerts every
     * {@code latencyBatch / rate} seconds (50 every 25 ms at 2,000/s), in microseconds.
     */
    public long latencyPeriodMicros() {
        return Math.max(1, latencyBatch * 1_000_000L / rate);
    }

    private BenchOptions with(Path out, int records, Duration warm, Duration tp, Duration lat, int r, int s, int b,
            Duration drain) {
        // Below 50 events/s a batch of 50 would wait a second or more: smaller batches keep the rate smooth.
        int latBatch = Math.max(1, Math.min(50, r / 40));
        return new BenchOptions(quick, out, records, warm, tp, lat, r, latBatch, s, b, drain, profile);
    }

    private static int positive(String option, String value) {
        int n = nonNegative(option, value);
        if (n == 0) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return n;
    }

    private static int nonNegative(String option, String value) {
        try {
            int n = Integer.parseInt(value.trim().replace("_", ""));
            if (n < 0) {
                throw new IllegalArgumentException(option + " must not be negative: " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
        }
    }
}
