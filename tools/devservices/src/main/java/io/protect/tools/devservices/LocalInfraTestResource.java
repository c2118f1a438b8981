package io.protect.tools.devservices;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Dev Services without containers for {@code @QuarkusTest}: points the application at this JVM's
 * shared local Kafka and PostgreSQL ({@link SharedLocalInfra}).
 *
 * <p>Configured endpoints always win: when {@code kafka.bootstrap.servers} or
 * {@code quarkus.datasource.reactive.url} is set as a system property or environment variable, that
 * part is not started and not overridden, so the same tests run against a real cluster. With
 * {@code protect.local-infra.enabled=false} nothing is started and Quarkus' container Dev Services
 * take over, for those who have a container engine.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    static final String ENABLED = "protect.local-infra.enabled";
    static final String KAFKA = "kafka.bootstrap.servers";
    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";

    @Override
    public Map<String, String> start() {
        if (!Boolean.parseBoolean(external(ENABLED).orElse("true"))) {
            return Map.of();
        }
        boolean kafkaGiven = external(KAFKA).isPresent();
        boolean databaseGiven = external(REACTIVE_URL).isPresent();
        Map<String, String> config = new HashMap<>();
        if (kafkaGiven && databaseGiven) {
            return config;
        }
        LocalInfra.Endpoints endpoints = SharedLocalInfra.get();
        if (!kafkaGiven) {
            config.put(KAFKA, endpoints.kafkaBootstrapServers());
            config.put("quarkus.kafka.devservices.enabled", "false");
        }
        if (!databaseGiven) {
            config.put(REACTIVE_URL, endpoints.postgresReactiveUrl());
            config.put("quarkus.datasource.jdbc.url", endpoints.postgresJdbcUrl());
            config.put("quarkus.datasource.username", endpoints.postgresUsername());
            config.put("quarkus.datasource.password", endpoints.postgresPassword());
            config.put("quarkus.datasource.devservices.enabled", "false");
        }
        return config;
    }

    @Override
    public void stop() {
        // The infrastructure outlives each test class on purpose; the JVM's exit stops it.
    }

    /** A setting given from outside the application: a system property or its environment variable form. */
    static Optional<String> external(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
