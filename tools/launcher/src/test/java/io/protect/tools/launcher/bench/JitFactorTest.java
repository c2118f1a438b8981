package io.protect.tools.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading JMH's JSON result file. Pure. */
class JitFactorTest {

    @Test
    void meanMicrosPerOperationByBenchmarkMethod() throws Exception {
        String json = """
                [ {"benchmark": "io.protect.tools.bench.ScoreBenchmark.scoreOneAlert", "mode": "avgt",
                   "params": {"source": "x"},
                   "primaryMetric": {"score": 2.5, "scoreUnit": "us/op"}},
                  {"benchmark": "io.protect.tools.bench.EnvelopeSerdeBenchmark.decode", "mode": "thrpt",
                   "primaryMetric": {"score": 123456.0, "scoreUnit": "ops/s"}} ]
                """;
        assertEquals(Map.of("ScoreBenchmark.scoreOneAlert", 2.5), JitFactor.parse(json));
        assertEquals(2.5, new JitFactor.Result("x", 5.0, 2.0).factor(), 1e-9);
    }
}
