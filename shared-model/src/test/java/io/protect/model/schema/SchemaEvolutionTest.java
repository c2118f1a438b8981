package io.protect.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.envelope.EnvelopeCodec;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.events.NetworkThreatDetected;
import io.protect.model.json.Json;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both directions of schema evolution, with real schemas: a consumer built before
 * NetworkThreatDetected 1.1.0 (its registry is loaded from test resources holding only 1.0.0) reads
 * 1.1.0 events, and today's consumer reads 1.0.0 events. Faked: nothing.
 */
class SchemaEvolutionTest {

    /** The payload record as a consumer built against 1.0.0 had it. */
    record NetworkThreatDetectedV1(String assetId, String sourceIp, Integer sourcePort, String destinationIp,
            Integer destinationPort, String protocol, String signature, Long signatureId, String severity,
            String sensor) {
    }

    private static final EventSchemaRegistry CURRENT = EventSchemaRegistry.defaultRegistry();
    private static final EventSchemaRegistry OLD_CONSUMER = oldConsumerRegistry();
    private static final EnvelopeFactory FACTORY =
            new EnvelopeFactory(new EventEnvelope.Source("test", "1", "t1"));

    private static EventSchemaRegistry oldConsumerRegistry() {
        URL root = SchemaEvolutionTest.class.getClassLoader().getResource("old-consumer/");
        // Parent null: the old consumer must not see today's schemas on the test classpath.
        return EventSchemaRegistry.load(new URLClassLoader(new URL[] {root}, null));
    }

    private static EventEnvelope newEvent() {
        return FACTORY.create(EventType.NETWORK_THREAT_DETECTED, new EventEnvelope.Tenant("acme", null),
                new NetworkThreatDetected("web-1", "10.0.0.5", 40000, "192.0.2.10", 80, "TCP",
                        "ET WEB_SERVER SQL Injection", 2_006_445L, "high", "ids-1", List.of("T1190")),
                null);
    }

    private static JsonNode tree(EventEnvelope e) {
        return Json.MAPPER.valueToTree(e);
    }

    @Test
    void theOldConsumerKnowsOnly100() {
        assertEquals(List.of(SchemaVersion.parse("1.0.0")), OLD_CONSUMER.versions("NetworkThreatDetected"));
        assertEquals(SchemaVersion.parse("1.1.0"), CURRENT.latest("NetworkThreatDetected"));
    }

    @Test
    void oldConsumerAcceptsANewMinorEventAndIgnoresTheAddedField() throws Exception {
        EventEnvelope event = newEvent();
        assertEquals("1.1.0", event.eventVersion());
        assertEquals(List.of(), OLD_CONSUMER.validate(tree(event)));
        NetworkThreatDetectedV1 seen = EnvelopeCodec.payload(new EnvelopeCodec(OLD_CONSUMER).decode(tree(event)),
                NetworkThreatDetectedV1.class);
        assertEquals("ET WEB_SERVER SQL Injection", seen.signature());
        assertEquals(80, seen.destinationPort());
    }

    @Test
    void oldConsumerStillChecksEverythingItKnowsInANewMinorEvent() {
        ObjectNode data = newEvent().data().deepCopy();
        data.put("destinationPort", 70000);
        List<String> violations = OLD_CONSUMER.validate(tree(newEvent().withData(data)));
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("/data/destinationPort: "), violations.toString());
    }

    @Test
    void newConsumerReadsAnOldEventWithTheAddedFieldAbsent() {
        ObjectNode tree = (ObjectNode) tree(newEvent());
        tree.put("eventVersion", "1.0.0");
        ((ObjectNode) tree.get("data")).remove("mitreTechniques");
        EventEnvelope decoded = EnvelopeCodec.defaultCodec().decode(tree);
        NetworkThreatDetected payload = EnvelopeCodec.payload(decoded, NetworkThreatDetected.class);
        assertEquals("10.0.0.5", payload.sourceIp());
        assertNull(payload.mitreTechniques());
    }

    @Test
    void anEventClaiming100ButCarrying110FieldsIsRejectedStrictly() {
        ObjectNode tree = (ObjectNode) tree(newEvent());
        tree.put("eventVersion", "1.0.0");
        List<String> violations = CURRENT.validate(tree);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("/data: ") && violations.get(0).contains("mitreTechniques"),
                violations.toString());
    }

    @Test
    void anUnknownMajorIsRejectedAndTheOldMajorIsStillServed() {
        ObjectNode v1 = (ObjectNode) Json.parse("""
                {"assetId":"db-3","cveId":"CVE-2021-44228","cvssScore":10.0,"packageName":"log4j-core"}""");
        EventEnvelope current = FACTORY.create(EventType.VULNERABILITY_DISCOVERED,
                new EventEnvelope.Tenant("acme", null), Json.parse("""
                        {"assetId":"db-3","cveId":"CVE-2021-44228","cvss":{"version":"3.1","baseScore":10.0}}"""), null);
        assertEquals("2.0.0", current.eventVersion());
        assertEquals(List.of(), CURRENT.validate(tree(current)));

        ObjectNode oldMajor = (ObjectNode) tree(current.withData(v1));
        oldMajor.put("eventVersion", "1.0.0");
        assertEquals(List.of(), CURRENT.validate(oldMajor));

        ObjectNode future = (ObjectNode) tree(current);
        future.put("eventVersion", "3.0.0");
        List<String> violations = CURRENT.validate(future);
        assertEquals(1, violations.size());
        assertTrue(violations.get(0).startsWith("/eventVersion: VulnerabilityDiscovered 3.0.0 is not supported"),
                violations.toString());
    }

    @Test
    void aNewerMinorOfAKnownMajorIsReadInTheOpenModeOfTheNewestKnown() {
        ObjectNode tree = (ObjectNode) tree(newEvent());
        tree.put("eventVersion", "1.4.0");
        ((ObjectNode) tree.get("data")).put("someFieldFrom140", "x");
        assertEquals(List.of(), CURRENT.validate(tree));
    }
}
