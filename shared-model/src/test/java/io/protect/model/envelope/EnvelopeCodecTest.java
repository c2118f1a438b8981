package io.protect.model.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.EventType;
import io.protect.model.events.NetworkThreatDetected;
import io.protect.model.json.Json;
import io.protect.model.schema.SchemaValidationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encode and decode against the real schemas. Faked: nothing. */
class EnvelopeCodecTest {

    private static final EnvelopeFactory FACTORY = new EnvelopeFactory(new EventEnvelope.Source("t", "1", "t-1"));
    private static final EnvelopeCodec CODEC = EnvelopeCodec.defaultCodec();

    private static EventEnvelope threat() {
        return FACTORY.create(EventType.NETWORK_THREAT_DETECTED, new EventEnvelope.Tenant("acme", null),
                new NetworkThreatDetected(null, "2001:db8::1", null, "198.51.100.2", 22, "TCP",
                        "ET SCAN SSH brute force", 2_001_219L, "medium", null, null), null);
    }

    @Test
    void roundTripsExactly() {
        EventEnvelope e = threat();
        EventEnvelope back = CODEC.decode(CODEC.encode(e));
        // signatureId is a long in the record and reads back as an int node: still the same value.
        assertEquals(e, back);
        assertEquals(e.hashCode(), back.hashCode());
    }

    @Test
    void refusesToEncodeAnInvalidPayloadAndNamesEveryViolation() {
        ObjectNode data = threat().data().deepCopy();
        data.put("sourceIp", "not-an-ip");
        data.remove("signature");
        SchemaValidationException e = assertThrows(SchemaValidationException.class,
                () -> CODEC.encode(threat().withData(data)));
        List<String> v = e.violations();
        // The IP fails both branches of its anyOf (IPv4, IPv6), each reported at the same path.
        assertEquals(List.of("/data", "/data/sourceIp"),
                v.stream().map(s -> s.substring(0, s.indexOf(':'))).distinct().sorted().toList(), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.startsWith("/data/sourceIp: ")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.startsWith("/data: ") && s.contains("signature")), v.toString());
    }

    @Test
    void refusesAnEnvelopeWithABadTenantOrTimestamp() {
        ObjectNode tree = Json.MAPPER.valueToTree(threat());
        ((ObjectNode) tree.get("tenant")).put("tenantId", "ACME Corp");
        tree.put("timestamp", "2026-11-22T10:15:30Z");
        SchemaValidationException e = assertThrows(SchemaValidationException.class, () -> CODEC.decode(tree));
        assertTrue(e.violations().stream().anyMatch(s -> s.startsWith("/tenant/tenantId: ")), e.violations().toString());
        assertTrue(e.violations().stream().anyMatch(s -> s.startsWith("/timestamp: ")), e.violations().toString());
    }

    @Test
    void refusesAnUnknownEventType() {
        ObjectNode tree = Json.MAPPER.valueToTree(threat());
        tree.put("eventType", "SomethingElse");
        SchemaValidationException e = assertThrows(SchemaValidationException.class, () -> CODEC.decode(tree));
        assertTrue(e.violations().get(0).startsWith("/eventType: unknown event type 'SomethingElse'"));
    }

    @Test
    void malformedBytesAreAClearError() {
        SchemaValidationException e = assertThrows(SchemaValidationException.class,
                () -> CODEC.decode("{\"eventId\": ".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    }
}
