package io.protect.tools.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aggregating the per-second samples into CPU per phase and peak memory per process. Pure. */
class SamplerTest {

    @Test
    void meanCpuPerPhaseAndPeakRssOverTheWholeRun() {
        List<Sampler.Sample> samples = List.of(
                sample("baseline", Map.of("kafka", 50.0), Map.of("kafka", 400L)),
                sample("throughput", Map.of("kafka", 20.0, "store", 60.0), Map.of("kafka", 450L, "store", 300L)),
                sample("throughput", Map.of("kafka", 40.0, "store", 80.0), Map.of("kafka", 420L, "store", 350L)),
                sample("drain", Map.of("kafka", 99.0, "store", 99.0), Map.of("kafka", 480L, "store", 310L)),
                sample("latency", Map.of("kafka", 10.0), Map.of("kafka", 410L)));
        List<BenchReport.ProcessUse> use = Sampler.processUse(samples, BenchReport.CPU_PHASES);
        assertEquals(2, use.size());
        BenchReport.ProcessUse kafka = use.get(0);
        assertEquals("kafka", kafka.name());
        assertEquals(Map.of("baseline", 50.0, "throughput", 30.0, "latency", 10.0), kafka.meanCpuPercent());
        assertEquals(480, kafka.maxRssMiB(), "peak over every sample, drains included");
        BenchReport.ProcessUse store = use.get(1);
        assertEquals(Map.of("throughput", 70.0), store.meanCpuPercent());
        assertFalse(store.meanCpuPercent().containsKey("drain"));
        assertEquals(350, store.maxRssMiB());
    }

    private static Sampler.Sample sample(String phase, Map<String, Double> cpu, Map<String, Long> rss) {
        return new Sampler.Sample(0, phase, new java.util.LinkedHashMap<>(cpu), new java.util.TreeMap<>(rss), Map.of(), 0, 0);
    }
}
