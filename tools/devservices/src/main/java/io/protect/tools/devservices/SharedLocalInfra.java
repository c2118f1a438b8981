package io.protect.tools.devservices;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One local infrastructure per JVM, shared by every test class: started on first use, stopped when
 * the JVM exits. The endpoints are published as a system property so that test resources loaded by
 * different class loaders (Quarkus restarts the application between test profiles) still find the
 * same instance.
 */
public final class SharedLocalInfra {

    /** System property holding the endpoints of this JVM's host, as JSON. */
    public static final String ENDPOINTS_PROPERTY = "protect.local-infra.endpoints";

    private SharedLocalInfra() {
    }

    /** The JVM's local infrastructure, started if it is not running yet. */
    public static synchronized LocalInfra.Endpoints get() {
        String published = System.getProperty(ENDPOINTS_PROPERTY);
        if (published != null) {
            try {
                return LocalInfra.Endpoints.fromJson(new ObjectMapper().readTree(published));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path dataDir = dataDir();
        LocalInfra infra = LocalInfra.start(dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "local-infra-stop"));
        try {
            System.setProperty(ENDPOINTS_PROPERTY, new ObjectMapper().writeValueAsString(infra.endpoints()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("Local infrastructure up in %d ms (Kafka %s, PostgreSQL %s, %d topics), data in %s%n",
                infra.startTime().toMillis(), infra.endpoints().kafkaBootstrapServers(),
                infra.endpoints().postgresJdbcUrl(), infra.endpoints().topics(), dataDir);
        return infra.endpoints();
    }

    /** A fresh directory under the module's {@code target/}, or the temp dir outside a Maven build. */
    private static Path dataDir() {
        try {
            Path target = Path.of("target");
            Path parent = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(parent.toAbsolutePath(), "local-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
