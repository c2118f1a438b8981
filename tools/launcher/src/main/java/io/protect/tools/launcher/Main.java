package io.protect.tools.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.tools.devservices.LocalInfra;
import io.protect.tools.launcher.bench.Bench;
import io.protect.tools.launcher.bench.BenchOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The launcher's commands (run through {@code ./protect}): {@code demo [--exit] [--count N]},
 * {@code up}, {@code down}, {@code status}, {@code bench [--quick] [--rate N] [--out DIR]}. State of a background stack ({@code up}) is kept in
 * {@code .protect/stack.json} so that {@code down} can stop exactly what {@code up} started.
 */
public final class Main {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = System.out;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("protect.root", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "help" : args[0];
        int code = switch (command) {
            case "demo" -> demo(root, has(args, "--exit"), intOption(args, "--count", 300));
            case "up" -> up(root);
            case "down" -> down(root);
            case "status" -> status(root);
            case "bench" -> bench(root, args);
            default -> {
                OUT.println("usage: ./protect demo [--exit] [--count N] | up | down | status | bench [--quick] [--rate N]"
                        + " [--out DIR] | infra up|down|status|env");
                yield command.equals("help") ? 0 : 2;
            }
        };
        System.exit(code);
    }

    private static int demo(Path root, boolean exit, int count) {
        long t0 = System.nanoTime();
        step("starting Kafka and PostgreSQL");
        LocalInfra infra = LocalInfra.start(root.resolve(".protect/demo-infra"), port("PROTECT_KAFKA_PORT", 9092),
                port("PROTECT_POSTGRES_PORT", 15432), true);
        OUT.printf("  Kafka %s, PostgreSQL %s (ready in %d ms)%n", infra.endpoints().kafkaBootstrapServers(),
                infra.endpoints().postgresJdbcUrl(), infra.startTime().toMillis());
        Stack stack = new Stack(root, root.resolve(".protect/logs"), infra.endpoints(), Stack.defaultPorts(), serviceEnv(root));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            infra.close();
        }, "demo-stop"));
        step("starting the six services");
        stack.startAll(Duration.ofSeconds(180), line -> OUT.println("  " + line));
        printResources(stack);
        step("generating and ingesting " + count + " alerts");
        Demo.Result result = new Demo(new ProtectClient(stack), OUT).run(count, Duration.ofSeconds(180));
        OUT.printf("Demo wall time: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (exit) {
            step("stopping");
            return result.lost() == 0 ? 0 : 1;
        }
        OUT.println();
        OUT.println("Live page: http://localhost:" + stack.port(Service.NOTIFY) + "  (token acme-local-token or globex-local-token)");
        OUT.println("Query API: curl -H 'Authorization: Bearer acme-local-token' http://localhost:"
                + stack.port(Service.STORE) + "/api/v1/events?limit=5");
        OUT.println("Press Ctrl-C to stop everything.");
        awaitForever();
        return 0;
    }

    /**
     * The benchmark (see {@link Bench}): its own fresh infrastructure under {@code .protect/bench-infra}
     * on free ports, the services on their default ports; non-zero when an alert was lost.
     */
    private static int bench(Path root, String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(java.util.Arrays.copyOfRange(args, 1, args.length), root);
        } catch (IllegalArgumentException e) {
            OUT.println("protect: " + e.getMessage());
            return 2;
        }
        try {
            return new Bench(root, root.resolve(".protect"), options, Stack.defaultPorts(), serviceEnv(root), OUT).run()
                    .exitCode();
        } catch (Exception e) {
            OUT.println();
            OUT.println("!!! BENCHMARK FAILED: " + e.getMessage());
            e.printStackTrace(OUT);
            return 1;
        }
    }

    private static int up(Path root) throws IOException {
        Path state = root.resolve(".protect/stack.json");
        if (Files.exists(state) && alive(JSON.readTree(state.toFile()))) {
            OUT.println("protect: already up; ./protect status shows it, ./protect down stops it");
            return 0;
        }
        step("starting Kafka and PostgreSQL");
        LocalInfra infra = LocalInfra.start(root.resolve(".protect/stack-infra"), port("PROTECT_KAFKA_PORT", 9092),
                port("PROTECT_POSTGRES_PORT", 15432), false);
        Stack stack = new Stack(root, root.resolve(".protect/logs"), infra.endpoints(), Stack.defaultPorts(), serviceEnv(root));
        ObjectNode saved = JSON.createObjectNode();
        saved.put("hostPid", infra.pid());
        try {
            step("starting the six services");
            stack.startAll(Duration.ofSeconds(180), line -> OUT.println("  " + line));
        } finally {
            ObjectNode pids = saved.putObject("services");
            stack.pids().forEach((s, pid) -> pids.put(s.serviceName(), pid));
            Files.createDirectories(state.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(state.toFile(), saved);
        }
        printResources(stack);
        OUT.println();
        OUT.println("Protect is up. Local tenants and their tokens (local profile only):");
        Demo.TENANTS.forEach((tenant, token) -> OUT.printf("  %-7s %s%n", tenant, token));
        OUT.println("Ingest:    curl -XPOST -H 'Authorization: Bearer acme-local-token' -H 'Content-Type: application/json' "
                + "-d @alert.json http://localhost:8080/api/v1/alerts");
        OUT.println("Live page: http://localhost:8085    Query: http://localhost:8084/api/v1/events");
        OUT.println("Stop with: ./protect down");
        return 0;
    }

    private static int down(Path root) throws IOException {
        Path state = root.resolve(".protect/stack.json");
        if (!Files.exists(state)) {
            OUT.println("protect: nothing to stop");
            return 0;
        }
        JsonNode saved = JSON.readTree(state.toFile());
        saved.path("services").fields().forEachRemaining(e -> ProcessHandle.of(e.getValue().asLong()).ifPresent(p -> {
            OUT.println("  stopping " + e.getKey());
            p.destroy();
        }));
        saved.path("services").forEach(pid -> ProcessHandle.of(pid.asLong()).ifPresent(p -> {
            try {
                p.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ex) {
                p.destroyForcibly();
            }
        }));
        OUT.println("  stopping Kafka and PostgreSQL");
        LocalInfra.stopDetached(saved.path("hostPid").asLong());
        Files.delete(state);
        OUT.println("protect: down");
        return 0;
    }

    private static int status(Path root) throws IOException {
        Path state = root.resolve(".protect/stack.json");
        if (!Files.exists(state)) {
            OUT.println("protect: not running");
            return 1;
        }
        JsonNode saved = JSON.readTree(state.toFile());
        OUT.printf("  %-10s pid %-8d %s%n", "infra", saved.path("hostPid").asLong(),
                ProcessHandle.of(saved.path("hostPid").asLong()).map(p -> p.isAlive() ? "running" : "gone").orElse("gone"));
        saved.path("services").fields().forEachRemaining(e -> OUT.printf("  %-10s pid %-8d %s%n", e.getKey(),
                e.getValue().asLong(), ProcessHandle.of(e.getValue().asLong()).map(p -> "running").orElse("gone")));
        return alive(saved) ? 0 : 1;
    }

    private static boolean alive(JsonNode saved) {
        return ProcessHandle.of(saved.path("hostPid").asLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Settings every service gets from the launcher besides the infrastructure endpoints: where the
     * GeoIP data is, and how the Kafka clients batch on one machine ({@link LocalTuning}).
     */
    static Map<String, String> serviceEnv(Path root) {
        Map<String, String> env = new java.util.LinkedHashMap<>(LocalTuning.env(LocalTuning.effective(System.getenv())));
        env.put("PROTECT_ENRICH_GEO_DIRECTORY", root.resolve(".protect/geo").toString());
        return env;
    }

    private static void printResources(Stack stack) {
        OUT.println("  startup (spawn → ready) and resident memory:");
        Map<Service, Long> rss = stack.rssMiB();
        stack.startTimes().forEach((s, d) -> OUT.printf("    %-10s %6d ms  %5d MiB%n", s.serviceName(), d.toMillis(),
                rss.getOrDefault(s, -1L)));
    }

    private static void step(String text) {
        OUT.println("==> " + text);
    }

    private static int port(String env, int fallback) {
        String v = System.getenv(env);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    private static boolean has(String[] args, String flag) {
        for (String a : args) {
            if (a.equals(flag)) {
                return true;
            }
        }
        return false;
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void awaitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
