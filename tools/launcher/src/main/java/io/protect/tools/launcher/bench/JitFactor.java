package io.protect.tools.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How much slower the stages' own logic runs with only the C1 compiler (what the launcher gives the
 * services on one machine) than with C1 and C2 (the JVM's default): the JMH microbenchmarks of
 * {@code tools/bench}, run once each way, in short runs. A factor near 1 says C1-only costs the
 * stages little; a large one says a service with cores of its own should run with the defaults.
 */
final class JitFactor {

    /** The microbenchmarks compared: a hop's decode and encode, and two stages' logic on real samples. */
    static final String INCLUDE = "ScoreBenchmark|NormalizeBenchmark|EnvelopeSerdeBenchmark";

    /** One benchmark: µs per operation each way and their ratio. */
    public record Result(String benchmark, double c1Micros, double c2Micros) {
        public double factor() {
            return c2Micros <= 0 ? 0 : c1Micros / c2Micros;
        }
    }

    private JitFactor() {
    }

    /**
     * Runs the comparison, or says why it cannot (the JMH module not built): an empty list then, and
     * a line on {@code out}.
     */
    static List<Result> measure(Path root, Path outDir, PrintStream out) throws IOException, InterruptedException {
        Path benchDir = root.resolve("tools/bench/target");
        Path cp = benchDir.resolve("bench.classpath");
        if (!Files.isRegularFile(cp) || !Files.isDirectory(benchDir.resolve("classes"))) {
            out.println("  tools/bench is not built (./mvnw install builds it): no C1/C2 comparison");
            return List.of();
        }
        String classpath = Files.readString(cp).trim() + java.io.File.pathSeparator + benchDir.resolve("classes");
        Map<String, Double> c1 = run(root, classpath, outDir.resolve("jmh-c1.json"), List.of("-XX:TieredStopAtLevel=1"));
        Map<String, Double> c2 = run(root, classpath, outDir.resolve("jmh-c2.json"), List.of());
        List<Result> results = new ArrayList<>();
        c1.forEach((name, micros) -> {
            Double other = c2.get(name);
            if (other != null) {
                results.add(new Result(name, micros, other));
            }
        });
        return results;
    }

    private static Map<String, Double> run(Path root, String classpath, Path json, List<String> jvmArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "org.openjdk.jmh.Main", INCLUDE,
                // Short: one fork, three warm-up and three measured seconds per benchmark. Wide error
                // bars, but the ratio between two runs made minutes apart is what is read here.
                "-f", "1", "-wi", "3", "-w", "1s", "-i", "3", "-r", "1s",
                "-p", "source=suricata:suricata/wrccdc-2017-alerts.ndjson",
                "-rf", "json", "-rff", json.toString()));
        if (!jvmArgs.isEmpty()) {
            command.add("-jvmArgsAppend");
            command.add(String.join(" ", jvmArgs));
        }
        Path log = json.resolveSibling(json.getFileName().toString().replace(".json", ".log"));
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("JMH did not finish in 10 minutes; see " + log);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(json)) {
            throw new IOException("JMH failed (exit " + p.exitValue() + "); see " + log);
        }
        return parse(Files.readString(json));
    }

    /** Mean µs per operation by benchmark (method name) from JMH's JSON result file. */
    static Map<String, Double> parse(String jmhJson) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode b : new ObjectMapper().readTree(jmhJson)) {
            String name = b.path("benchmark").asText();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode score = b.path("primaryMetric").path("score");
            String unit = b.path("primaryMetric").path("scoreUnit").asText();
            if (score.isNumber() && unit.startsWith("us/")) {
                out.put(name, score.asDouble());
            }
        }
        return out;
    }
}
