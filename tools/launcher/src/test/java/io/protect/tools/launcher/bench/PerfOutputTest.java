package io.protect.tools.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Parsing what kafka-tools 4.1's ProducerPerformance and ConsumerPerformance print (output captured from real runs). Pure. */
class PerfOutputTest {

    @Test
    void theProducersClosingLineIsReadNotItsProgressLines() {
        String out = """
                Reading payloads from: /tmp/payload.ndjson
                Number of messages read: 50
                81006 records sent, 16201.2 records/sec (13.38 MB/sec), 1207.1 ms avg latency, 1803.0 ms max latency.
                200000 records sent, 23340.3 records/sec (29.09 MB/sec), 1407.15 ms avg latency, 3903.00 ms max latency, 1802 ms 50th, 3046 ms 95th, 3326 ms 99th, 3890 ms 99.9th.
                """;
        PerfOutput.Producer p = PerfOutput.producer(out);
        assertEquals(200_000, p.records());
        assertEquals(23340.3, p.recordsPerSec());
        assertEquals(29.09, p.mibPerSec());
        assertEquals(1407.15, p.avgLatencyMs());
        assertEquals(3903.0, p.maxLatencyMs());
        assertEquals(1802, p.p50Ms());
        assertEquals(3046, p.p95Ms());
        assertEquals(3326, p.p99Ms());
        assertEquals(3890, p.p999Ms());
    }

    @Test
    void aProducerThatPrintedNoTotalsFails() {
        assertThrows(IllegalArgumentException.class, () -> PerfOutput.producer(
                "Reading payloads from: x\n10 records sent, 5.0 records/sec (0.01 MB/sec), 1.0 ms avg latency, 2.0 ms max latency.\n"));
    }

    @Test
    void theConsumerRowIsReadByColumnName() {
        String out = """
                SLF4J(W): No SLF4J providers were found.
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-22 21:06:44:569, 2026-11-22 21:06:46:335, 41.2941, 23.3828, 50000, 28312.5708, 843, 923, 44.7390, 54171.1809
                """;
        PerfOutput.Consumer c = PerfOutput.consumer(out);
        assertEquals(50_000, c.records());
        assertEquals(41.2941, c.mib());
        assertEquals(23.3828, c.mibPerSec());
        assertEquals(28312.5708, c.recordsPerSec());
        assertEquals(843, c.rebalanceMs());
        assertEquals(923, c.fetchMs());
        assertEquals(44.7390, c.fetchMibPerSec());
        assertEquals(54171.1809, c.fetchRecordsPerSec());
    }

    @Test
    void aConsumerWithoutTheExpectedColumnsFails() {
        assertThrows(IllegalArgumentException.class, () -> PerfOutput.consumer("start.time, end.time, MB.sec\n1, 2, 3\n"));
        assertThrows(IllegalArgumentException.class, () -> PerfOutput.consumer("WARN timeout\n"));
    }
}
