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

    /** Producer {@code linger.ms} of every outgoing channel (default 5). */
    public static final String LINGER_PROPERTY = "protect.messaging.linger-ms";

    /** Consumer {@code fetch.min.bytes} of every incoming channel (default 1). */
    public static final String FETCH_MIN_BYTES_PROPERTY = "protect.messaging.fetch-min-bytes";

    /** Consumer {@code fetch.max.wait.ms} of every incoming channel (default 500). */
    public static final String FETCH_MAX_WAIT_PROPERTY = "protect.messaging.fetch-max-wait-ms";

    /** Producer {@code compression.type} of every outgoing channel (default lz4). */
    public static final String COMPRESSION_PROPERTY = "protect.messaging.compression";

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
        MessagingTuning defaults = MessagingTuning.DEFAULT;
        String tracing = value(context, TRACING_PROPERTY);
        MessagingTuning tuning = new MessagingTuning(
                tracing != null && Boolean.parseBoolean(tracing),
                number(context, LINGER_PROPERTY, defaults.lingerMs()),
                number(context, FETCH_MIN_BYTES_PROPERTY, defaults.fetchMinBytes()),
                number(context, FETCH_MAX_WAIT_PROPERTY, defaults.fetchMaxWaitMs()),
                value(context, COMPRESSION_PROPERTY) != null ? value(context, COMPRESSION_PROPERTY) : defaults.compression());
        return List.of(new CatalogChannelConfigSource(channels, tuning));
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? null : v.getValue().trim();
    }

    private static int number(ConfigSourceContext context, String name, int fallback) {
        String v = value(context, name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a non-negative integer, not '" + v + "'");
        }
    }
}
