package io.protect.model.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * IMPORTANT for every service: list the channels you use in application.properties, e.g.
 * {@code protect.messaging.channels=alerts-raw-in,alerts-enhanced-out,dead-letters-out}
 * (see {@link CatalogChannelConfigSourceFactory}); unlisted channels get no configuration.
 *
 * <p>The messaging configuration of the channels a service uses, derived from the topic catalog: its topic,
 * its serdes, and the producer settings that make delivery safe (acks=all, idempotence). A low
 * ordinal source: a service's {@code application.properties} may still tune a channel (for example
 * its concurrency), but never has to name a topic.
 *
 * <p>Channels carry raw bytes both ways: a stage decodes each record once itself, so that a record
 * which cannot be decoded is dead-lettered with its original bytes, and encodes each output once.
 */
public class CatalogChannelConfigSource implements ConfigSource {

    private final Map<String, String> properties;

    public CatalogChannelConfigSource(java.util.Collection<Channel> channels) {
        this(channels, MessagingTuning.DEFAULT);
    }

    public CatalogChannelConfigSource(java.util.Collection<Channel> channels, MessagingTuning tuning) {
        this.properties = build(channels, tuning);
    }

    static Map<String, String> build(java.util.Collection<Channel> channels) {
        return build(channels, MessagingTuning.DEFAULT);
    }

    static Map<String, String> build(java.util.Collection<Channel> channels, boolean tracing) {
        return build(channels, new MessagingTuning(tracing, MessagingTuning.DEFAULT.lingerMs(), MessagingTuning.DEFAULT.fetchMinBytes(),
                MessagingTuning.DEFAULT.fetchMaxWaitMs(), MessagingTuning.DEFAULT.compression()));
    }

    static Map<String, String> build(java.util.Collection<Channel> channels, MessagingTuning tuning) {
        boolean tracing = tuning.tracing();
        Map<String, String> p = new LinkedHashMap<>();
        for (Channel channel : channels) {
            String prefix = "mp.messaging." + channel.direction().configSegment() + "." + channel.channelName() + ".";
            // Off by default: Outbound writes the traceparent header from the envelope instead.
            p.put(prefix + "tracing-enabled", Boolean.toString(tracing));
            // SmallRye requires a connector per configured channel; Kafka is the only one we use.
            p.put(prefix + "connector", "smallrye-kafka");
            p.put(prefix + "topic", channel.topic().topicName());
            if (channel.direction() == Channel.Direction.INCOMING) {
                p.put(prefix + "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
                p.put(prefix + "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
                // A new consumer group starts from the oldest retained record: nothing produced
                // before a stage first started is skipped.
                p.put(prefix + "auto.offset.reset", "earliest");
                // Stages dead-letter what they cannot process themselves (see the services'
                // DeadLetters); a nack that still reaches the connector must stop the stage rather
                // than skip a record silently.
                p.put(prefix + "failure-strategy", "fail");
                // A stage receives a whole poll at once and acknowledges it once every record in it
                // is done (see the services' StageRunner): one wait for the broker per poll, not per record.
                p.put(prefix + "batch", "true");
                p.put(prefix + "fetch.min.bytes", Integer.toString(tuning.fetchMinBytes()));
                p.put(prefix + "fetch.max.wait.ms", Integer.toString(tuning.fetchMaxWaitMs()));
            } else {
                p.put(prefix + "key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
                // Stages encode each event once themselves (EventCodec) and send the bytes through the
                // channel's producer directly, a poll at a time (see the services' Producers).
                p.put(prefix + "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
                p.put(prefix + "acks", "all");
                p.put(prefix + "enable.idempotence", "true");
                p.put(prefix + "compression.type", tuning.compression());
                p.put(prefix + "linger.ms", Integer.toString(tuning.lingerMs()));
            }
        }
        return Collections.unmodifiableMap(p);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public String getName() {
        return "protect-topic-catalog";
    }

    @Override
    public int getOrdinal() {
        // Below application.properties (250): a service may override, it never needs to.
        return 200;
    }
}
