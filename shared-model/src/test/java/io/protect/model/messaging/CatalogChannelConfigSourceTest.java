package io.protect.model.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The channel configuration derived from the topic catalog. Faked: nothing. */
class CatalogChannelConfigSourceTest {

    private final Map<String, String> config = CatalogChannelConfigSource.build(
            List.of(Channel.ALERTS_RAW_OUT, Channel.DEAD_LETTERS_OUT, Channel.ALERTS_RAW_IN));

    @Test
    void channelsCarryBytesEncodedAndDecodedOnceByTheStagesAndProduceSafely() {
        for (String out : List.of("alerts-raw-out", "dead-letters-out")) {
            assertEquals("org.apache.kafka.common.serialization.ByteArraySerializer",
                    config.get("mp.messaging.outgoing." + out + ".value.serializer"));
            assertEquals("all", config.get("mp.messaging.outgoing." + out + ".acks"));
            assertEquals("true", config.get("mp.messaging.outgoing." + out + ".enable.idempotence"));
        }
        assertEquals("org.apache.kafka.common.serialization.ByteArrayDeserializer",
                config.get("mp.messaging.incoming.alerts-raw-in.value.deserializer"));
        assertNull(config.get("mp.messaging.outgoing.alerts-raw-out.protect.envelope.validate"));
    }

    @Test
    void incomingChannelsReceiveAPollAtATimeAndStopOnANack() {
        assertEquals("true", config.get("mp.messaging.incoming.alerts-raw-in.batch"));
        assertEquals("fail", config.get("mp.messaging.incoming.alerts-raw-in.failure-strategy"));
        assertEquals(Channel.ALERTS_RAW_IN.topic().topicName(), config.get("mp.messaging.incoming.alerts-raw-in.topic"));
    }

    @Test
    void perRecordTracingIsOptIn() {
        assertEquals("false", config.get("mp.messaging.incoming.alerts-raw-in.tracing-enabled"));
        assertEquals("false", config.get("mp.messaging.outgoing.alerts-raw-out.tracing-enabled"));
        Map<String, String> traced = CatalogChannelConfigSource.build(List.of(Channel.ALERTS_RAW_IN), true);
        assertEquals("true", traced.get("mp.messaging.incoming.alerts-raw-in.tracing-enabled"));
    }

    @Test
    void batchingIsTunedForEveryChannelAtOnce() {
        assertEquals("5", config.get("mp.messaging.outgoing.alerts-raw-out.linger.ms"));
        assertEquals("1", config.get("mp.messaging.incoming.alerts-raw-in.fetch.min.bytes"));
        assertEquals("500", config.get("mp.messaging.incoming.alerts-raw-in.fetch.max.wait.ms"));
        Map<String, String> tuned = CatalogChannelConfigSource.build(List.of(Channel.ALERTS_RAW_OUT, Channel.ALERTS_RAW_IN),
                new MessagingTuning(false, 20, 65536, 20, "none"));
        assertEquals("20", tuned.get("mp.messaging.outgoing.alerts-raw-out.linger.ms"));
        assertEquals("65536", tuned.get("mp.messaging.incoming.alerts-raw-in.fetch.min.bytes"));
        assertEquals("20", tuned.get("mp.messaging.incoming.alerts-raw-in.fetch.max.wait.ms"));
        assertEquals("none", tuned.get("mp.messaging.outgoing.alerts-raw-out.compression.type"));
        assertEquals("lz4", config.get("mp.messaging.outgoing.alerts-raw-out.compression.type"));
        assertThrows(IllegalArgumentException.class, () -> new MessagingTuning(false, 5, 1, 500, "brotli"));
    }
}
