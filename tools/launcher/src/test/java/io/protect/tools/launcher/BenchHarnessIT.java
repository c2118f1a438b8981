package io.protect.tools.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protect.tools.launcher.bench.Bench;
import io.protect.tools.launcher.bench.BenchOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real: the benchmark harness end to end with phases of a few seconds: a fresh Kafka broker and
 * PostgreSQL (LocalInfra), Kafka's ProducerPerformance and ConsumerPerformance as child processes,
 * the six packaged services, WebSocket clients. Faked: nothing; only the phases are short and the
 * fixed rate low, so that every alert drains. Asserts what a run leaves, never how fast it was.
 */
class BenchHarnessIT {

    @Test
    void aShortRunWritesItsReportChartAndLastLineAndLosesNothing() throws Exception {
        Path root = Path.of(System.getProperty("protect.root", "../..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-it-");
        Path out = work.resolve("report");
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--out", out.toString(),
            "--baseline-records", "5000", "--warmup-seconds", "2", "--throughput-seconds", "4", "--latency-seconds", "4",
            "--rate", "50", "--senders", "2", "--batch", "20", "--drain-seconds", "60", "--idle-seconds", "2",
            "--no-jit"}, root);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, freePort());
        }
        Map<String, String> env = new HashMap<>(Main.serviceEnv(root));
        env.put("PROTECT_INGEST_SYSLOG_PORT", Integer.toString(freePort()));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                printed.write(b);
                System.out.write(b);
            }
        }, true, StandardCharsets.UTF_8);

        Bench.Outcome outcome = new Bench(root, work, options, ports, env, tee).run();

        for (String file : List.of("report.md", "report.json", "chart.png")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file + " is missing or empty");
        }
        byte[] png = Files.readAllBytes(out.resolve("chart.png"));
        assertEquals((byte) 0x89, png[0], "chart.png is not a PNG");
        assertEquals('P', png[1]);
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(0, report.path("accounting").path("sent").asLong() - report.path("accounting").path("stored").asLong()
                - report.path("accounting").path("deadLettered").asLong(), "alerts lost: " + report.path("accounting"));
        assertTrue(report.path("accounting").path("sent").asLong() > 0, "nothing was sent");
        assertTrue(report.path("latency").path("toStore").path("count").asLong() > 0, "no latency samples at the store");
        assertTrue(report.path("baseline").path("producer").path("records").asLong() == 5000);
        assertEquals(0, outcome.exitCode());
        assertTrue(Files.readString(out.resolve("report.md")).contains("## Nothing lost"));

        String[] lines = printed.toString(StandardCharsets.UTF_8).strip().split("\\R");
        String last = lines[lines.length - 1];
        assertTrue(last.matches("bench: pipeline \\d+ ev/s baseline \\d+ rec/s ratio \\d+\\.\\d{3} p99 \\d+ ms lost 0"),
                "last line: " + last);
        // Everything the run started is gone: no service or infrastructure process is left under this JVM.
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(),
                "processes left behind");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
