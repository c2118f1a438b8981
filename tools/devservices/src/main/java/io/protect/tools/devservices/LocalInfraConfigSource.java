package io.protect.tools.devservices;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns off Quarkus' container Dev Services for Kafka and the datasource wherever this module is on
 * the classpath (test scope), because {@link LocalInfraTestResource} provides both. It is a low
 * ordinal source: anything in {@code application.properties}, a system property or an environment
 * variable overrides it, and {@code protect.local-infra.enabled=false} switches it off so the
 * container Dev Services come back for those who have a container engine.
 */
public class LocalInfraConfigSource implements ConfigSource {

    private static final Map<String, String> PROPERTIES = Map.of(
            "quarkus.kafka.devservices.enabled", "false",
            "quarkus.datasource.devservices.enabled", "false");

    @Override
    public Set<String> getPropertyNames() {
        return enabled() ? PROPERTIES.keySet() : Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return enabled() ? PROPERTIES.get(propertyName) : null;
    }

    @Override
    public String getName() {
        return "protect-local-infra";
    }

    @Override
    public int getOrdinal() {
        // Below application.properties (250) and everything else users write.
        return 150;
    }

    private static boolean enabled() {
        return Boolean.parseBoolean(LocalInfraTestResource.external(LocalInfraTestResource.ENABLED).orElse("true"));
    }
}
