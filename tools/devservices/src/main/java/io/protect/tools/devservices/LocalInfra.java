package io.protect.tools.devservices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running local infrastructure host (a real Kafka broker and a real PostgreSQL in a child JVM),
 * seen from the process that started it. The child watches its standard input: closing it, or this
 * process dying for any reason, stops the broker and the database.
 */
public final class LocalInfra implements AutoCloseable {

    /** Where the host jar puts its runtime classpath (see tools/local-infra/pom.xml). */
    static final String CLASSPATH_RESOURCE = "META-INF/protect/local-infra.classpath";
    static final String HOST_CLASS = "io.protect.tools.infra.LocalInfraHost";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Endpoints endpoints;
    private final Duration startTime;

    private LocalInfra(Process process, Endpoints endpoints, Duration startTime) {
        this.process = process;
        this.endpoints = endpoints;
        this.startTime = startTime;
    }

    /** Where a client reaches the broker and the database. */
    public record Endpoints(String kafkaBootstrapServers, String postgresReactiveUrl, String postgresJdbcUrl,
            String postgresUsername, String postgresPassword, int topics, long kafkaStartMillis,
            long postgresStartMillis) {

        static Endpoints fromJson(JsonNode n) {
            return new Endpoints(n.path("kafkaBootstrapServers").asText(), n.path("postgresReactiveUrl").asText(),
                    n.path("postgresJdbcUrl").asText(), n.path("postgresUsername").asText(),
                    n.path("postgresPassword").asText(), n.path("topics").asInt(), n.path("kafkaStartMillis").asLong(),
                    n.path("postgresStartMillis").asLong());
        }
    }

    /**
     * Starts a host with its data under {@code dataDir} (wiped first) on free ports and waits until
     * Kafka has the catalog's topics and PostgreSQL accepts connections.
     */
    public static LocalInfra start(Path dataDir) {
        return start(dataDir, 0, 0, true);
    }

    /**
     * Starts a host on the given ports (0 picks a free one). With {@code tiedToThisProcess} the host
     * stops when this process exits; without, it runs until {@link #stopDetached} or SIGTERM (the
     * launcher's {@code up}).
     */
    public static LocalInfra start(Path dataDir, int kafkaPort, int postgresPort, boolean tiedToThisProcess) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx512m");
            command.add("-XX:+UseSerialGC");
            command.add("-cp");
            command.add(hostClasspath());
            command.add(HOST_CLASS);
            command.add("--data-dir");
            command.add(dataDir.toAbsolutePath().toString());
            command.add("--kafka-port");
            command.add(Integer.toString(kafkaPort));
            command.add("--postgres-port");
            command.add(Integer.toString(postgresPort));
            if (tiedToThisProcess) {
                command.add("--watch-stdin");
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(dataDir.resolve("host.err").toFile());
            if (!tiedToThisProcess) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            Process process = builder.start();
            JsonNode ready = awaitReady(process, dataDir);
            return new LocalInfra(process, Endpoints.fromJson(ready), Duration.ofNanos(System.nanoTime() - t0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local infrastructure host", e);
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** Wall time from spawning the host to both servers being ready. */
    public Duration startTime() {
        return startTime;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops a host started detached, by its pid (SIGTERM, then SIGKILL after a minute). */
    public static void stopDetached(long pid) {
        ProcessHandle.of(pid).ifPresent(host -> {
            host.destroy();
            try {
                host.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                host.destroyForcibly();
            }
        });
    }

    /** Stops the broker and the database and waits for the host (and its PostgreSQL) to be gone. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Closing our end is all that is needed; the host treats a broken pipe the same way.
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static JsonNode awaitReady(Process process, Path dataDir) throws IOException {
        // The host prints exactly one READY line; reading happens on a helper thread so a host that
        // hangs without printing is caught by the timeout instead of blocking us forever.
        var result = new java.util.concurrent.CompletableFuture<JsonNode>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        result.complete(new ObjectMapper().readTree(line.substring(6)));
                    }
                }
                result.completeExceptionally(new IllegalStateException("the host exited with code "
                        + process.waitFor() + " before it was ready; see " + dataDir.resolve("host.err") + " and "
                        + dataDir.resolve("infra.log")));
            } catch (IOException | InterruptedException e) {
                result.completeExceptionally(e);
            }
        }, "local-infra-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            return result.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the local infrastructure was not ready within " + READY_TIMEOUT, e);
        } catch (java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for the local infrastructure", e);
        }
    }

    /** The host's classpath: its own jar (or classes directory) and the runtime classpath it recorded. */
    static String hostClasspath() throws IOException {
        URL resource = LocalInfra.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(CLASSPATH_RESOURCE + " is not on the classpath: build tools/local-infra first"
                    + " (./mvnw install -pl tools/local-infra -am)");
        }
        String recorded;
        try (InputStream in = resource.openStream()) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        return hostLocation(resource) + java.io.File.pathSeparator + recorded;
    }

    private static String hostLocation(URL resource) {
        try {
            String url = resource.toString();
            if (url.startsWith("jar:")) {
                String jar = url.substring(4, url.indexOf("!/"));
                return Path.of(new java.net.URI(jar)).toString();
            }
            Path file = Path.of(resource.toURI());
            // .../classes/META-INF/protect/local-infra.classpath -> .../classes
            return file.getParent().getParent().getParent().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the host jar from " + resource, e);
        }
    }
}
