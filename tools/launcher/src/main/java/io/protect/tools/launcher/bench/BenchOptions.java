package io.protect.tools.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one benchmark run does: the length of each phase, the fixed rate of the latency phase, the
 * size of the baseline and where the report goes. {@code --quick} is the run of a few minutes;
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
 * @param drainTimeout   after a phase, how long the stored and dead-lettered count may stand still before
 *                       the wait for every sent event is given up
 * @param idle           the last phase: the stack without traffic, to measure what it burns doing nothing
 * @param profile        whether to take a CPU flame graph of each service during the throughput phase
 * @param jit            whether to measure the C1-only against the C1+C2 speed of the stages' logic (JMH)
 */
public record BenchOptions(boolean quick, Path outDir, int baselineRecords, Duration warmup, Duration throughput,
        Duration latency, int rate, int latencyBatch, int senders, int batch, Duration drainTimeout, Duration idle,
        boolean profile, boolean jit) {

    public BenchOptions {
        if (rate <= 0 || latencyBatch <= 0 || senders <= 0 || batch <= 0 || baselineRecords <= 0) {
            throw new IllegalArgumentException("rate, batches, senders and baseline records must be positive");
        }
        if (throughput.isZero() || throughput.isNegative() || latency.isZero() || latency.isNegative()) {
            throw new IllegalArgumentException("the throughput and latency phases need a positive duration");
        }
    }

    /** The usage line of {@code ./protect bench}. */
    public static final String USAGE = "./protect bench [--quick] [--profile] [--no-jit] [--rate N] [--out DIR]"
            + " [--baseline-records N] [--warmup-seconds N] [--throughput-seconds N] [--latency-seconds N]"
            + " [--idle-seconds N] [--senders N] [--batch N] [--drain-seconds N]";

    /** Reads the command line after {@code bench}; relative paths are taken from {@code root}. */
    public static BenchOptions parse(String[] args, Path root) {
        boolean quick = false;
        boolean profile = false;
        boolean jit = true;
        for (String a : args) {
            quick |= a.equals("--quick");
            profile |= a.equals("--profile");
            jit &= !a.equals("--no-jit");
        }
        Path out = root.resolve("target/bench");
        int records = quick ? 200_000 : 1_000_000;
        Duration warmup = Duration.ofSeconds(quick ? 10 : 30);
        Duration throughput = Duration.ofSeconds(quick ? 20 : 180);
        Duration latency = Duration.ofSeconds(quick ? 10 : 120);
        Duration drain = Duration.ofSeconds(quick ? 30 : 60);
        Duration idle = Duration.ofSeconds(quick ? 10 : 30);
        int rate = 2_000;
        int senders = 4;
        int batch = 100;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--quick") || a.equals("--profile") || a.equals("--no-jit") || a.equals("bench")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value; usage: " + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--out" -> out = root.resolve(v);
                case "--rate" -> rate = positive(a, v);
                case "--baseline-records" -> records = positive(a, v);
                case "--warmup-seconds" -> warmup = Duration.ofSeconds(nonNegative(a, v));
                case "--throughput-seconds" -> throughput = Duration.ofSeconds(positive(a, v));
                case "--latency-seconds" -> latency = Duration.ofSeconds(positive(a, v));
                case "--idle-seconds" -> idle = Duration.ofSeconds(nonNegative(a, v));
                case "--senders" -> senders = positive(a, v);
                case "--batch" -> batch = positive(a, v);
                case "--drain-seconds" -> drain = Duration.ofSeconds(positive(a, v));
                default -> throw new IllegalArgumentException("unknown option " + a + "; usage: " + USAGE);
            }
        }
        // Below 2,000 events/s a batch of 50 would come further apart than 25 ms: smaller batches keep the rate smooth.
        int latencyBatch = Math.max(1, Math.min(50, rate / 40));
        return new BenchOptions(quick, out, records, warmup, throughput, latency, rate, latencyBatch, senders, batch, drain,
                idle, profile, jit);
    }

    /**
     * The interval between two batches of the latency phase: {@code latencyBatch} alerts every
     * {@code latencyBatch / rate} seconds (50 every 25 ms at 2,000/s), in microseconds.
     */
    public long latencyPeriodMicros() {
        return Math.max(1, latencyBatch * 1_000_000L / rate);
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
