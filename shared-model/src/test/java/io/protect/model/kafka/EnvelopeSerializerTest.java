package io.protect.model.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.envelope.EnvelopeCodec;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.events.NetworkThreatDetected;
import io.protect.model.schema.SchemaValidationException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The Kafka serializer with and without producer-side validation, against the real schemas. Faked: nothing. */
class EnvelopeSerializerTest {

    private static final EnvelopeFactory FACTORY = new EnvelopeFactory(new EventEnvelope.Source("t", "1", "t-1"));

    private static EventEnvelope threat() {
        return FACTORY.create(EventType.NETWORK_THREAT_DETECTED, new EventEnvelope.Tenant("acme", null),
                new NetworkThreatDetected(null, "2001:db8::1", null, "198.51.100.2", 22, "TCP",
                        "ET SCAN SSH brute force", 2_001_219L, "medium", null, null), null);
    }

    private static EventEnvelope invalid() {
        ObjectNode data = threat().data().deepCopy();
        data.put("sourceIp", "not-an-ip");
        return threat().withData(data);
    }

    private static EnvelopeSerializer serializer(Map<String, ?> config) {
        EnvelopeSerializer s = new EnvelopeSerializer();
        s.configure(config, false);
        return s;
    }

    @Test
    void byDefaultAnInvalidEnvelopeIsRefusedWithItsViolations() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> serializer(Map.of()).serialize("security.alerts.raw", invalid()));
        assertInstanceOf(SchemaValidationException.class, e.getCause());
        assertTrue(e.getMessage().contains("/data/sourceIp"), e.getMessage());
    }

    @Test
    void withoutValidationTheBytesAreTheSameAsTheValidatingEncoders() {
        EventEnvelope e = threat();
        byte[] checked = serializer(Map.of()).serialize("t", e);
        byte[] unchecked = serializer(Map.of(EnvelopeSerializer.VALIDATE, "false")).serialize("t", e);
        assertArrayEquals(checked, unchecked);
        assertEquals(e, EnvelopeCodec.defaultCodec().decode(unchecked));
    }

    @Test
    void withoutValidationAnInvalidEnvelopeIsProducedAndTheConsumerRejectsIt() {
        byte[] bytes = serializer(Map.of(EnvelopeSerializer.VALIDATE, "false")).serialize("t", invalid());
        SerializationException e = assertThrows(SerializationException.class,
                () -> new EnvelopeDeserializer().deserialize("t", bytes));
        assertTrue(e.getMessage().contains("/data/sourceIp"), e.getMessage());
    }
}
