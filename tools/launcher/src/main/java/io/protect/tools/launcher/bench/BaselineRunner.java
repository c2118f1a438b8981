package io.protect.tools.launcher.bench;

import io.protect.model.catalog.CatalogProfile;
import io.protect.model.catalog.Topic;
import io.protect.model.catalog.TopicSpec;
import io.protect.model.messaging.MessagingTuning;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The baseline: Kafka's own ProducerPerformance and ConsumerPerformance (kafka-tools, the broker's
 * version) against the same broker, on a bench-only topic made like security.alerts.raw (its
 * partitions and configs under the local profile), with the pipeline's own record values and its
 * producer settings. Each tool is a child process of the same {@code java}, so that its CPU is
 * sampled like every other process; its output is kept beside the report.
 */
final class BaselineRunner {

    /** The bench-only topic; nothing of the pipeline reads it. */
    static final String TOPIC = "bench.alerts.raw";
    /**
     * What the services' producers use (the catalog's channel configuration with the launcher's
     * tuning): acks=all, idempotence, the same compression and linger.
     */
    static List<String> producerProps(MessagingTuning tuning) {
        return List.of("acks=all", "enable.idempotence=true", "compression.type=" + tuning.compression(),
                "linger.ms=" + tuning.lingerMs());
    }

    private final Path classpathFile;
    private final Path outDir;
    private final PrintStream out;

    private final MessagingTuning tuning;

    BaselineRunner(Path classpathFile, Path outDir, MessagingTuning tuning, PrintStream out) {
        this.tuning = tuning;
        this.classpathFile = classpathFile;
        this.outDir = outDir;
        this.out = out;
    }

    /** The spec the bench topic copies. */
    static TopicSpec rawSpec() {
        return Topic.SECURITY_ALERTS_RAW.spec(CatalogProfile.LOCAL);
    }

    /** Writes the payload file: one record value per line (the envelopes are single-line JSON). */
    static double writePayloads(List<byte[]> values, Path file) throws IOException {
        long bytes = 0;
        try (OutputStream o = Files.newOutputStream(file)) {
            for (byte[] v : values) {
                for (byte c : v) {
                    if (c == '\n') {
                        throw new IllegalStateException("a record value spans lines; --payload-file splits on newlines");
                    }
                }
                o.write(v);
                o.write('\n');
                bytes += v.length;
            }
        }
        return bytes / (double) values.size();
    }

    PerfOutput.Producer produce(String bootstrap, Path payloads, int records, Consumer<Long> started) throws Exception {
        List<String> args = new ArrayList<>(List.of("--topic", TOPIC, "--num-records", Integer.toString(records),
                "--throughput", "-1", "--payload-file", payloads.toString(), "--producer-props",
                "bootstrap.servers=" + bootstrap));
        args.addAll(producerProps(tuning));
        return PerfOutput.producer(run("org.apache.kafka.tools.ProducerPerformance", args,
                outDir.resolve("producer-performance.txt"), started));
    }

    PerfOutput.Consumer consume(String bootstrap, int records, Consumer<Long> started) throws Exception {
        return PerfOutput.consumer(run("org.apache.kafka.tools.ConsumerPerformance", List.of("--bootstrap-server",
                bootstrap, "--topic", TOPIC, "--messages", Integer.toString(records), "--timeout", "60000",
                "--group", "bench-consumer-performance"), outDir.resolve("consumer-performance.txt"), started));
    }

    private String run(String mainClass, List<String> args, Path output, Consumer<Long> started) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The services' heap and collector, so that the tools run under the same JVM settings.
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(Files.readString(classpathFile).trim());
        command.add(mainClass);
        command.addAll(args);
        out.println("  " + mainClass.substring(mainClass.lastIndexOf('.') + 1) + " " + String.join(" ", args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        started.accept(p.pid());
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(mainClass + " did not finish in 15 minutes; see " + output);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(mainClass + " exited with " + p.exitValue() + "; see " + output + ":\n" + text);
        }
        return text;
    }
}
