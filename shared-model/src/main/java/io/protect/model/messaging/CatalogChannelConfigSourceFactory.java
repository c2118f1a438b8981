package io.protect.model.messaging;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Creates the {@link CatalogChannelConfigSource} for the channels a service lists in
 * {@code protect.messaging.channels} (comma-separated {@link Channel} names). Only listed channels
 * are configured: SmallRye creates a channel for every configured one, used or not.
 */
public class CatalogChannelConfigSourceFactory implements ConfigSourceFactory {

    /** The property a service uses to list its channels. */
    public static final String CHANNELS_PROPERTY = "protect.messaging.channels";

    /**
     * Whether the Kafka connector makes an OpenTelemetry span for every record consumed and produced
     * (default {@code false}). The W3C {@code traceparent} header is written from each event's
     * envelope either way, so a trace crosses every topic; per-record spans are only worth their
     * cost (a span, its context and its export for every record at every hop) when a collector
     * samples them.
     */
    public static final String TRACING_PROPERTY = "protect.messaging.tracing";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue listed = context.getValue(CHANNELS_PROPERTY);
        if (listed == null || listed.getValue() == null || listed.getValue().isBlank()) {
            return List.of();
        }
        List<Channel> channels = new ArrayList<>();
        for (String name : listed.getValue().split(",")) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty()) {
                channels.add(Channel.byName(trimmed).orElseThrow(() -> new IllegalArgumentException(
                        CHANNELS_PROPERTY + " names an unknown channel '" + trimmed + "'; known channels are "
                                + java.util.Arrays.stream(Channel.values()).map(Channel::channelName).toList())));
            }
        }
        ConfigValue tracing = context.getValue(TRACING_PROPERTY);
        boolean traced = tracing != null && tracing.getValue() != null && Boolean.parseBoolean(tracing.getValue().trim());
        return List.of(new CatalogChannelConfigSource(channels, traced));
    }
}
