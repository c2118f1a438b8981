package io.protect.tools.launcher;

import io.protect.tools.devservices.LocalInfra;
import io.protect.tools.launcher.bench.ProcStat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The six services as processes of this machine, pointed at a local infrastructure: started
 * together, each waited for until its readiness check passes, and stopped together. A service can
 * be killed and started again to show that nothing is lost or duplicated.
 */
public final class Stack implements AutoCloseable {

    /**
     * JVM options of every service on one machine, where six services, the broker and the database
     * share a few cores. A small serial-GC heap keeps each process near 250 MB resident. Only
     * the C1 compiler: C2 would spend a third of each process's CPU compiling for minutes after
     * start (measured with async-profiler under load), and C1 code is what a briefly running,
     * CPU-starved service runs best. A service with cores of its own is better off with the JVM defaults.
     * {@code PROTECT_SERVICE_JAVA_OPTS} replaces them.
     */
    static final List<String> JVM_OPTIONS = jvmOptions(System.getenv("PROTECT_SERVICE_JAVA_OPTS"));

    static List<String> jvmOptions(String override) {
        if (override != null && !override.isBlank()) {
            return List.of(override.trim().split("\\s+"));
        }
        return List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m",
                "-Xss512k");
    }

    private final Path repoRoot;
    private final Path logDir;
    private final LocalInfra.Endpoints infra;
    private final Map<Service, Integer> ports;
    private final Map<String, String> extraEnv;
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);
    private final Map<Service, Duration> startTimes = new EnumMap<>(Service.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Stack(Path repoRoot, Path logDir, LocalInfra.Endpoints infra, Map<Service, Integer> ports,
            Map<String, String> extraEnv) {
        this.repoRoot = repoRoot;
        this.logDir = logDir;
        this.infra = infra;
        this.ports = new EnumMap<>(ports);
        this.extraEnv = Map.copyOf(extraEnv);
    }

    /** The default ports 8080–8085. */
    public static Map<Service, Integer> defaultPorts() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, s.defaultPort());
        }
        return ports;
    }

    public int port(Service service) {
        return ports.get(service);
    }

    public String url(Service service) {
        return "http://localhost:" + ports.get(service);
    }

    /** Starts every service and waits until all are ready; reports progress to {@code progress}. */
    public void startAll(Duration timeout, Consumer<String> progress) {
        for (Service s : Service.values()) {
            start(s);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Service s : Service.values()) {
            awaitReady(s, deadline);
            progress.accept(s.serviceName() + " ready on :" + ports.get(s) + " (" + startTimes.get(s).toMillis() + " ms)");
        }
    }

    /** Starts one service (again). */
    public void start(Service service) {
        Path jar = service.jar(repoRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(repoRoot.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_PROFILE", "local");
        // glibc gives every thread that allocates its own 64 MB malloc arena; two are plenty for a JVM,
        // whose allocations are mostly on its own heap, and keep the resident size down.
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.postgresReactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.postgresJdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", infra.postgresUsername());
        env.put("QUARKUS_DATASOURCE_PASSWORD", infra.postgresPassword());
        env.putAll(extraEnv);
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(service.serviceName() + ".log");
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            long t0 = System.nanoTime();
            processes.put(service, builder.start());
            startTimes.put(service, Duration.ofNanos(-t0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.serviceName(), e);
        }
    }

    /** Kills a service at once (SIGKILL): no shutdown, no final commit. */
    public void kill(Service service) {
        Process p = processes.remove(service);
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until a service answers its readiness check (all channels and the database up). */
    public void awaitReady(Service service, long deadlineNanos) {
        Process p = processes.get(service);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        while (System.nanoTime() < deadlineNanos) {
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException(service.serviceName() + " exited with code " + p.exitValue()
                        + "; see " + logDir.resolve(service.serviceName() + ".log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    Duration started = startTimes.get(service);
                    if (started != null && started.isNegative()) {
                        startTimes.put(service, Duration.ofNanos(System.nanoTime() + started.toNanos()));
                    }
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service.serviceName() + " was not ready in time; see "
                + logDir.resolve(service.serviceName() + ".log"));
    }

    /** Wall time from spawning a service to its readiness, per service. */
    public Map<Service, Duration> startTimes() {
        return Map.copyOf(startTimes);
    }

    /** The process ids of the running services. */
    public Map<Service, Long> pids() {
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        processes.forEach((s, p) -> pids.put(s, p.pid()));
        return pids;
    }

    /** Resident memory of each running service, in MiB, read from /proc (Linux). */
    public Map<Service, Long> rssMiB() {
        Map<Service, Long> rss = new EnumMap<>(Service.class);
        processes.forEach((s, p) -> ProcStat.rssKiB(p.pid()).ifPresent(kib -> rss.put(s, kib / 1024)));
        return rss;
    }

    /** Stops every service (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
