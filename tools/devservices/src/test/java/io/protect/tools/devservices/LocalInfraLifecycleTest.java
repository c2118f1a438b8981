package io.protect.tools.devservices;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real: two extra local infrastructure hosts (Kafka + PostgreSQL processes). Faked: nothing.
 * Proves no broker or database outlives its owner, whether it is closed or killed with SIGKILL.
 */
class LocalInfraLifecycleTest {

    @Test
    void closingTheInfraStopsTheHostAndItsPostgres() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "lifecycle-close-");
        LocalInfra infra = LocalInfra.start(dir);
        ProcessHandle host = ProcessHandle.of(infra.pid()).orElseThrow();
        ProcessHandle postgres = postmaster(dir);
        try (Connection c = DriverManager.getConnection(infra.endpoints().postgresJdbcUrl(),
                infra.endpoints().postgresUsername(), infra.endpoints().postgresPassword())) {
            assertTrue(c.isValid(5));
        }

        infra.close();

        assertGone(host);
        assertGone(postgres);
    }

    @Test
    void killingTheParentWithSigkillStillStopsTheHost() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "lifecycle-kill-");
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalInfraParentMain.class.getName(), dir.toString())
                .redirectError(dir.resolve("parent.err").toFile())
                .start();
        long hostPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("HOST "), "parent said: " + line + "; see " + dir);
            hostPid = Long.parseLong(line.substring(5).trim());
        }
        ProcessHandle host = ProcessHandle.of(hostPid).orElseThrow();
        ProcessHandle postgres = postmaster(dir);

        parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
        assertTrue(parent.waitFor(10, TimeUnit.SECONDS));

        assertGone(host);
        assertGone(postgres);
    }

    /** PostgreSQL daemonizes (pg_ctl), so it is found through its pid file, not as a child. */
    private static ProcessHandle postmaster(Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("postgres/data/postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle postgres = ProcessHandle.of(pid).orElseThrow();
        assertTrue(postgres.info().command().orElse("").endsWith("postgres"), postgres.info().toString());
        return postgres;
    }

    private static void assertGone(ProcessHandle process) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Optional<String> command = process.info().command();
        assertFalse(process.isAlive(), "process " + process.pid() + " " + command.orElse("") + " is still running");
    }
}
