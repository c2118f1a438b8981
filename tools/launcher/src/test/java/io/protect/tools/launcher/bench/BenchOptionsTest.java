package io.protect.tools.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line of ./protect bench. Pure. */
class BenchOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void quickIsShorterThanFullAndBothWriteToTargetBench() {
        BenchOptions quick = BenchOptions.parse(new String[] {"--quick"}, ROOT);
        BenchOptions full = BenchOptions.parse(new String[0], ROOT);
        assertTrue(quick.quick());
        assertFalse(full.quick());
        assertTrue(quick.throughput().compareTo(full.throughput()) < 0);
        assertTrue(quick.latency().compareTo(full.latency()) < 0);
        assertTrue(quick.baselineRecords() < full.baselineRecords());
        assertEquals(ROOT.resolve("target/bench"), quick.outDir());
        assertEquals(2_000, full.rate());
    }

    @Test
    void theDefaultRateIsFiftyEveryTwentyFiveMilliseconds() {
        BenchOptions o = BenchOptions.parse(new String[] {"--quick"}, ROOT);
        assertEquals(50, o.latencyBatch());
        assertEquals(25_000, o.latencyPeriodMicros());
    }

    @Test
    void optionsOverrideThePresets() {
        BenchOptions o = BenchOptions.parse(new String[] {"--quick", "--rate", "500", "--out", "bench-out",
            "--throughput-seconds", "7", "--latency-seconds", "3", "--warmup-seconds", "0", "--baseline-records", "1_000",
            "--senders", "2", "--batch", "20", "--drain-seconds", "9"}, ROOT);
        assertEquals(500, o.rate());
        assertEquals(12, o.latencyBatch());
        assertEquals(24_000, o.latencyPeriodMicros());
        assertEquals(ROOT.resolve("bench-out"), o.outDir());
        assertEquals(Duration.ofSeconds(7), o.throughput());
        assertEquals(Duration.ofSeconds(3), o.latency());
        assertEquals(Duration.ZERO, o.warmup());
        assertEquals(1_000, o.baselineRecords());
        assertEquals(2, o.senders());
        assertEquals(20, o.batch());
        assertEquals(Duration.ofSeconds(9), o.drainTimeout());
    }

    @Test
    void profilingIsAFlagAnywhereOnTheLineAndOffByDefault() {
        assertEquals(false, BenchOptions.parse(new String[] {"--quick"}, ROOT).profile());
        BenchOptions o = BenchOptions.parse(new String[] {"--rate", "100", "--profile", "--quick"}, ROOT);
        assertEquals(true, o.profile());
        assertEquals(100, o.rate());
        assertEquals(true, o.quick());
    }

    @Test
    void theIdlePhaseAndTheJitComparisonHavePresetsAndOptions() {
        BenchOptions quick = BenchOptions.parse(new String[] {"--quick"}, ROOT);
        assertEquals(Duration.ofSeconds(10), quick.idle());
        assertTrue(quick.jit());
        assertEquals(Duration.ofSeconds(30), BenchOptions.parse(new String[0], ROOT).idle());
        BenchOptions o = BenchOptions.parse(new String[] {"--no-jit", "--idle-seconds", "0"}, ROOT);
        assertFalse(o.jit());
        assertEquals(Duration.ZERO, o.idle());
    }

    @Test
    void aFlameGraphIsNamedAfterItsProcess() {
        assertEquals("flame-normalize.html", FlameGraphs.fileName("normalize"));
        assertEquals("flame-kafka__infra_host_JVM_.html", FlameGraphs.fileName("kafka (infra host JVM)"));
    }

    @Test
    void aLowRateSendsSmallerBatchesAtLeastOne() {
        BenchOptions o = BenchOptions.parse(new String[] {"--rate", "10"}, ROOT);
        assertEquals(1, o.latencyBatch());
        assertEquals(100_000, o.latencyPeriodMicros());
    }

    @Test
    void badOptionsAreRefusedWithTheUsage() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--rate"}, ROOT));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--rate", "0"}, ROOT));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--rate", "fast"}, ROOT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--fast"}, ROOT));
        assertTrue(e.getMessage().contains(BenchOptions.USAGE));
    }
}
