package io.protect.tools.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.catalog.CatalogProfile;
import io.protect.model.json.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * The local infrastructure in one process: a real Apache Kafka broker in KRaft mode (combined
 * broker and controller, formatted as a standalone quorum) and a real PostgreSQL server, with the
 * catalog's topics and the {@code protect} database created. It prints one {@code READY {json}}
 * line with the endpoints on stdout and writes the same JSON to {@code <data-dir>/endpoints.json}.
 *
 * <p>It stops, cleanly, on SIGTERM/SIGINT, and with {@code --watch-stdin} also when its standard
 * input closes: a parent that dies for any reason (even {@code kill -9}) closes that pipe, so no
 * broker or database outlives the tests or launcher that started it.
 *
 * <p>Usage: {@code LocalInfraHost --data-dir DIR [--kafka-port N] [--postgres-port N]
 * [--profile local|production] [--watch-stdin]}; port 0 (the default) picks a free port.
 */
public final class LocalInfraHost {

    /** Database, role and password the host creates; local use only. */
    public static final String DATABASE = "protect";

    private LocalInfraHost() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Options.parse(args);
        Path dataDir = Path.of(opts.getOrDefault("data-dir", "target/local-infra")).toAbsolutePath();
        Files.createDirectories(dataDir);
        System.setProperty("protect.infra.log", dataDir.resolve("infra.log").toString());
        PrintStream out = System.out;
        long started = System.nanoTime();

        int pgPort = port(opts.get("postgres-port"));
        int kafkaPort = port(opts.get("kafka-port"));
        int controllerPort = port(null);
        CatalogProfile profile = CatalogProfile.of(opts.getOrDefault("profile", "local"));

        EmbeddedPostgres postgres = startPostgres(dataDir.resolve("postgres"), pgPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "postgres-stop"));
        long pgReady = System.nanoTime();

        KafkaBroker kafka = KafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "kafka-stop"));
        int topics = kafka.createTopics(profile);
        long kafkaReady = System.nanoTime();

        ObjectNode endpoints = Json.MAPPER.createObjectNode();
        endpoints.put("kafkaBootstrapServers", kafka.bootstrapServers());
        endpoints.put("postgresPort", pgPort);
        endpoints.put("postgresReactiveUrl", "postgresql://localhost:" + pgPort + "/" + DATABASE);
        endpoints.put("postgresJdbcUrl", "jdbc:postgresql://localhost:" + pgPort + "/" + DATABASE);
        endpoints.put("postgresUsername", DATABASE);
        endpoints.put("postgresPassword", DATABASE);
        endpoints.put("topics", topics);
        endpoints.put("profile", profile.name().toLowerCase(java.util.Locale.ROOT));
        endpoints.put("pid", ProcessHandle.current().pid());
        endpoints.put("postgresStartMillis", Duration.ofNanos(pgReady - started).toMillis());
        endpoints.put("kafkaStartMillis", Duration.ofNanos(kafkaReady - pgReady).toMillis());
        String json = Json.MAPPER.writeValueAsString(endpoints);
        Files.writeString(dataDir.resolve("endpoints.json"), json + "\n", StandardCharsets.UTF_8);
        out.println("READY " + json);
        out.flush();

        if (opts.containsKey("watch-stdin")) {
            Thread watcher = new Thread(() -> {
                awaitEndOfInput(System.in);
                System.exit(0);
            }, "parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        Thread.currentThread().join();
    }

    private static EmbeddedPostgres startPostgres(Path dir, int port) throws IOException, SQLException {
        Files.createDirectories(dir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir.resolve("data"))
                .setOverrideWorkingDirectory(dir.resolve("bin").toFile())
                .setCleanDataDirectory(true)
                // Small and fast: this server holds test and demo data only.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + DATABASE + " LOGIN PASSWORD '" + DATABASE + "'");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + DATABASE);
        }
        return pg;
    }

    private static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone, just like end of input.
        }
    }

    private static int port(String requested) throws IOException {
        if (requested != null && !requested.equals("0")) {
            return Integer.parseInt(requested);
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code --key value} and {@code --flag} options. */
    static final class Options {
        static Map<String, String> parse(String[] args) {
            Map<String, String> opts = new java.util.HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                }
                String key = args[i].substring(2);
                if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    opts.put(key, args[++i]);
                } else {
                    opts.put(key, "true");
                }
            }
            return opts;
        }
    }

}
