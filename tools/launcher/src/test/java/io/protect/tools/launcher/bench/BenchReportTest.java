package io.protect.tools.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's renderings and the accounting check, on a made-up run. Pure. */
class BenchReportTest {

    static BenchReport report(long sent, long stored, long dead) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("throughput", 87.5);
        cpu.put("latency", 40.0);
        cpu.put("idle", 2.5);
        Map<String, Double> broker = new LinkedHashMap<>();
        broker.put("throughput", 31.1);
        broker.put("idle", 4.0);
        return new BenchReport(
                new BenchReport.Setup("quick", "2026-11-22T10:00:00Z", 150, 2, "Java 17", "localhost:9092",
                        "security.alerts.raw", 3, "suricata 45 %", 4, 100),
                new BenchReport.Baseline("bench.alerts.raw", 3, "acks=all", 2000, 1308.4,
                        new PerfOutput.Producer(200_000, 23_340.3, 29.09, 1407.15, 3903, 1802, 3046, 3326, 3890),
                        new PerfOutput.Consumer(200_000, 250.0, 125.3, 66_667, 1000, 1990, 125.28, 100_503)),
                new BenchReport.Throughput(20.0, 40_000, 2_000, 31_120, 1_556.2, 1_556.2 / 23_340.3, 0, 3.2),
                new BenchReport.Latency(2_000, 20.0, 40_000, 1_999.5, 0, 0, new Percentiles.Summary(40_000, 45, 120, 181, 644),
                        new Percentiles.Summary(39_990, 60, 150, 230, 700), 1.1),
                List.of(new BenchReport.ProcessUse("enrich", cpu, 403),
                        new BenchReport.ProcessUse("kafka (infra host JVM)", broker, 500),
                        new BenchReport.ProcessUse("bench (load generator)", Map.of("throughput", 50.0, "idle", 1.0), 200)),
                List.of(new ClientMetrics.Client("score", "kafka-producer-predictions-out", "producer", 51_234.0, 3.5)),
                List.of(new ClientMetrics.Polls("score", "score", 100, 12_345)),
                List.of(new JitFactor.Result("ScoreBenchmark.scoreOneAlert", 3.0, 1.2)),
                new BenchReport.Accounting(sent, stored, dead),
                List.of(new BenchReport.TimelinePoint(1_000, "throughput", 2_000, 1_500, Map.of("enrich", 120L), 0, null, null, null),
                        new BenchReport.TimelinePoint(1_001, "latency", 2_000, 2_000, Map.of("enrich", 40L), 0, 45L, 181L, 230L)),
                List.of("a note"));
    }

    @Test
    void theLastLineHasTheRequiredShape() {
        String line = report(80_000, 79_990, 10).lastLine();
        assertEquals("bench: pipeline 1556 ev/s baseline 23340 rec/s ratio 0.067 p99 181 ms lost 0", line);
        assertTrue(line.matches("bench: pipeline \\d+ ev/s baseline \\d+ rec/s ratio \\d+\\.\\d{3} p99 \\d+ ms lost -?\\d+"));
    }

    @Test
    void cpuPerEventIsTheShareOfACoreOverTheStoredRateAndTheStackLeavesTheBenchToolsOut() {
        BenchReport r = report(80_000, 79_990, 10);
        // enrich: 87.5 % of a core at 1,556.2 events/s = 562 µs per event; the broker 31.1 % = 200 µs.
        assertEquals(562.3, r.cpuMicrosPerEvent(r.processes().get(0)), 0.1);
        assertEquals(199.8, r.cpuMicrosPerEvent(r.processes().get(1)), 0.1);
        assertEquals(762.1, r.stackCpuMicrosPerEvent(), 0.1);
        assertEquals(6.5, r.stackIdlePercent(), 1e-9);
    }

    @Test
    void lostIsSentLessStoredLessDeadLettered() {
        assertTrue(new BenchReport.Accounting(100, 90, 10).balanced());
        BenchReport.Accounting short_ = new BenchReport.Accounting(100, 90, 5);
        assertEquals(5, short_.lost());
        assertFalse(short_.balanced());
        BenchReport.Accounting extra = new BenchReport.Accounting(100, 101, 0);
        assertEquals(-1, extra.lost());
        assertFalse(extra.balanced(), "more stored than sent is no balance either");
        assertTrue(report(100, 90, 5).lastLine().endsWith("lost 5"));
    }

    @Test
    void theMarkdownHasEverySectionAndTheNumbers() {
        String md = report(80_000, 79_990, 10).markdown("chart.png");
        for (String section : List.of("## Summary", "## Baseline", "## Throughput", "## Latency", "## Processes",
                "## Consumer lag", "## Nothing lost", "## Notes")) {
            assertTrue(md.contains(section), section);
        }
        assertTrue(md.contains("![throughput and latency over time](chart.png)"));
        assertTrue(md.contains("| ingest → stored | 40,000 | 45 ms | 120 ms | 181 ms | 644 ms |"), md);
        assertTrue(md.contains("| enrich | — | 87.5 % | 40.0 % | 2.5 % | 562 | 403 MiB |"), md);
        assertTrue(md.contains("| bench (load generator) | — | 50.0 % | — | 1.0 % | — | 200 MiB |"), md);
        assertTrue(md.contains("| **stack** | | | | 6.5 % | 762 | |"), md);
        assertTrue(md.contains("| score | kafka-producer-predictions-out | 51,234 B | 3.5 |"), md);
        assertTrue(md.contains("| score | score | 100 | 123.5 |"), md);
        assertTrue(md.contains("| ScoreBenchmark.scoreOneAlert | 3.00 µs | 1.20 µs | 2.5× |"), md);
        assertTrue(md.contains("| enrich | 120 | 40 |"), md);
        assertTrue(md.contains("every alert is accounted for"));
        assertTrue(report(10, 5, 0).markdown("chart.png").contains("**NOT every alert is accounted for**"));
    }

    @Test
    void theSummaryTableNamesEveryMeasure() {
        String summary = report(80_000, 79_990, 10).summary();
        for (String row : List.of("baseline producer", "baseline consumer", "pipeline (stored)", "ratio to baseline",
                "latency → store", "latency → WebSocket", "enrich", "sent / stored / DLQ", "lost")) {
            assertTrue(summary.contains(row), row);
        }
        assertTrue(summary.contains("p50 45  p95 120  p99 181  max 644 ms"));
        assertTrue(summary.contains("762 µs for the whole stack"), summary);
        assertTrue(summary.contains("6.5 % of one core"), summary);
        assertTrue(summary.contains("(562 µs/event)"), summary);
        assertTrue(summary.contains("123.5 records per poll"), summary);
    }

    @Test
    void theJsonCarriesTheAccountingAndTheTimeline() {
        JsonNode json = new ObjectMapper().valueToTree(report(80_000, 79_990, 10));
        assertEquals(80_000, json.path("accounting").path("sent").asLong());
        assertEquals(0, json.path("accounting").path("lost").asLong());
        assertEquals(181, json.path("latency").path("toStore").path("p99").asLong());
        assertEquals(2, json.path("timeline").size());
    }
}
