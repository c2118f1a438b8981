package io.protect.tools.launcher.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what Kafka's {@code ProducerPerformance} and {@code ConsumerPerformance} (kafka-tools 4.1)
 * print. Their MB is 1024 × 1024 bytes.
 */
public final class PerfOutput {

    /**
     * ProducerPerformance's closing line, e.g. {@code 50000 records sent, 16823.7 records/sec (13.89
     * MB/sec), 1407.15 ms avg latency, 1903.00 ms max latency, 1524 ms 50th, 1846 ms 95th, 1886 ms
     * 99th, 1903 ms 99.9th.} The progress lines before it lack the percentiles.
     */
    private static final Pattern PRODUCER_TOTAL = Pattern.compile("^(\\d+) records sent, ([\\d.]+) records/sec "
            + "\\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, "
            + "(\\d+) ms 99th, (\\d+) ms 99\\.9th\\.?$");

    private PerfOutput() {
    }

    /** The producer's totals: send-to-acknowledgement latencies in milliseconds. */
    public record Producer(long records, double recordsPerSec, double mibPerSec, double avgLatencyMs,
            double maxLatencyMs, long p50Ms, long p95Ms, long p99Ms, long p999Ms) {
    }

    /**
     * The consumer's totals. {@code recordsPerSec} is over the whole run including the group join
     * (rebalance); {@code fetchRecordsPerSec} over the time spent fetching only.
     */
    public record Consumer(long records, double mib, double mibPerSec, double recordsPerSec, long rebalanceMs,
            long fetchMs, double fetchMibPerSec, double fetchRecordsPerSec) {
    }

    /** The closing line of ProducerPerformance; fails when the output has none (the tool failed). */
    public static Producer producer(String stdout) {
        Producer found = null;
        for (String line : stdout.split("\\R")) {
            Matcher m = PRODUCER_TOTAL.matcher(line.trim());
            if (m.matches()) {
                found = new Producer(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                        Long.parseLong(m.group(6)), Long.parseLong(m.group(7)), Long.parseLong(m.group(8)),
                        Long.parseLong(m.group(9)));
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no ProducerPerformance totals in its output:\n" + stdout);
        }
        return found;
    }

    /**
     * ConsumerPerformance's header line and the values line under it (comma separated, read by
     * column name so that a reordering of columns does not go unnoticed).
     */
    public static Consumer consumer(String stdout) {
        String[] lines = stdout.split("\\R");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].trim().startsWith("start.time")) {
                String[] names = lines[i].split(",");
                String[] values = lines[i + 1].split(",");
                if (names.length != values.length) {
                    break;
                }
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < names.length; c++) {
                    row.put(names[c].trim(), values[c].trim());
                }
                return new Consumer(Long.parseLong(column(row, "data.consumed.in.nMsg")),
                        Double.parseDouble(column(row, "data.consumed.in.MB")), Double.parseDouble(column(row, "MB.sec")),
                        Double.parseDouble(column(row, "nMsg.sec")), Long.parseLong(column(row, "rebalance.time.ms")),
                        Long.parseLong(column(row, "fetch.time.ms")), Double.parseDouble(column(row, "fetch.MB.sec")),
                        Double.parseDouble(column(row, "fetch.nMsg.sec")));
            }
        }
        throw new IllegalArgumentException("no ConsumerPerformance totals in its output:\n" + stdout);
    }

    private static String column(Map<String, String> row, String name) {
        String v = row.get(name);
        if (v == null) {
            throw new IllegalArgumentException("ConsumerPerformance printed no column " + name + ": " + row.keySet());
        }
        return v;
    }
}
