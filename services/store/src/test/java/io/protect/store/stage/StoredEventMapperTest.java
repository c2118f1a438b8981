package io.protect.store.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.Event;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.AlertNormalized;
import io.protect.model.events.AlertScored;
import io.protect.model.events.Prediction;
import io.protect.model.events.SourceFormat;
import io.protect.model.wire.RawJson;
import io.protect.model.events.EventType;
import io.protect.model.json.Json;
import io.protect.store.StoredEvent;
import io.protect.store.StoredPrediction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real: OCSF events (project fixtures and the OCSF examples), the envelope factory. Faked: nothing. */
class StoredEventMapperTest {

    private static final EnvelopeFactory FACTORY =
            new EnvelopeFactory(new EventEnvelope.Source("store-test", "0.1.0", "unit"));
    private static final EventEnvelope.Tenant ACME = new EventEnvelope.Tenant("acme", "acme-corp");

    private final StoredEventMapper mapper = new StoredEventMapper();

    @Test
    void liftsTheQueryColumnsOutOfADetectionFinding() {
        Event<AlertNormalized> env = normalized(fixture("detection-finding-2004.json"), "10.20.30.42");

        StoredEvent row = mapper.toEvent(env);

        assertEquals(env.eventId(), row.eventId());
        assertEquals("acme", row.tenantId());
        assertEquals(2004, row.classUid());
        assertEquals(4, row.severityId());
        assertEquals(Instant.parse("2024-11-22T16:00:00Z"), row.time());
        assertEquals("alice", row.userName());
        assertEquals("ws-042.corp.example", row.hostName());
        // No src_endpoint in this finding: the payload's sourceIp stands in.
        assertEquals("10.20.30.42", row.srcIp());
        assertNull(row.dstIp());
        assertEquals("generic", row.sourceFormat());
        assertEquals(fixture("detection-finding-2004.json"), Json.parse(row.ocsf()));
    }

    @Test
    void readsEndpointsAndTheAuthenticatedUser() {
        StoredEvent network = mapper.toEvent(normalized(fixture("network-activity-4001.json"), null));
        assertEquals("10.0.0.5", network.srcIp());
        assertEquals("198.51.100.77", network.dstIp());
        assertNull(network.userName());

        StoredEvent auth = mapper.toEvent(normalized(fixture("authentication-3002.json"), null));
        assertEquals("2001:db8:85a3::8a2e:370:7334", auth.srcIp());
        assertEquals("203.0.113.10", auth.dstIp());
        assertEquals("alice@corp.example", auth.userName());
    }

    @Test
    void mapsEveryOcsfExampleEvent() {
        List<String> lines = resource("ocsf-examples-valid-1.8.ndjson").lines().filter(l -> !l.isBlank()).toList();
        assertEquals(43, lines.size());
        for (String line : lines) {
            JsonNode ocsf = Json.parse(line);
            StoredEvent row = mapper.toEvent(normalized((ObjectNode) ocsf, null));
            assertEquals(ocsf.get("class_uid").intValue(), row.classUid());
            assertEquals(ocsf.get("time").longValue(), row.time().toEpochMilli());
            String src = ocsf.at("/src_endpoint/ip").asText(null);
            assertEquals(src, row.srcIp(), line);
        }
    }

    @Test
    void anAddressThatIsNotAnIpIsNotAColumnButStaysInTheEvent() {
        ObjectNode ocsf = fixture("network-activity-4001.json");
        ((ObjectNode) ocsf.get("src_endpoint")).put("ip", "not-an-ip");
        ((ObjectNode) ocsf.get("dst_endpoint")).put("ip", "fe80::1%eth0");
        StoredEvent row = mapper.toEvent(normalized(ocsf, null));
        assertNull(row.srcIp());
        assertEquals("fe80::1", row.dstIp());
        assertEquals("not-an-ip", Json.parse(row.ocsf()).at("/src_endpoint/ip").asText());
    }

    @Test
    void theEventIsStoredAsTheTextItCameInAndReadOnlyForItsColumns() {
        byte[] text = fixture("network-activity-4001.json").toString().getBytes(StandardCharsets.UTF_8);
        Event<AlertNormalized> event = FACTORY.createEvent(EventType.ALERT_NORMALIZED, ACME,
                new AlertNormalized(SourceFormat.ZEEK, null, null, "1.8.0", RawJson.ofBytes(text)), null);
        StoredEvent row = mapper.toEvent(event);
        assertEquals(new String(text, StandardCharsets.UTF_8), row.ocsf());
        assertEquals("zeek", row.sourceFormat());
        assertEquals("10.0.0.5", row.srcIp());
    }

    @Test
    void rejectsAFractionalTime() {
        ObjectNode ocsf = fixture("network-activity-4001.json");
        ocsf.put("time", 1.5);
        assertThrows(IllegalArgumentException.class, () -> mapper.toEvent(normalized(ocsf, null)));
    }

    @Test
    void mapsAPrediction() {
        Event<AlertNormalized> normalized = normalized(fixture("detection-finding-2004.json"), "10.20.30.42");
        Map<String, Double> features = new LinkedHashMap<>();
        features.put("risk_score", 87.0);
        features.put("severity \"id\"", 4.0);
        Event<AlertScored> scored = FACTORY.advance(normalized, EventType.ALERT_SCORED, new AlertScored(null, "10.20.30.42",
                new Prediction("malicious", 0.93, "gbt-2024.11", features), normalized.payload().ocsf()));

        StoredPrediction row = mapper.toPrediction(scored);

        assertEquals(normalized.eventId(), row.eventId());
        assertEquals("acme", row.tenantId());
        assertEquals("malicious", row.label());
        assertEquals(0.93, row.probability());
        assertEquals("gbt-2024.11", row.modelVersion());
        JsonNode stored = Json.parse(row.features());
        assertEquals(87, stored.get("risk_score").intValue());
        assertEquals(4, stored.get("severity \"id\"").intValue(), "names are JSON-escaped");

        features.put("broken", Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> mapper.toPrediction(scored), "NaN is no JSON number");
    }

    static Event<AlertNormalized> normalized(ObjectNode ocsf, String sourceIp) {
        return FACTORY.createEvent(EventType.ALERT_NORMALIZED, ACME,
                new AlertNormalized(SourceFormat.GENERIC, null, sourceIp, "1.8.0", RawJson.of(ocsf)), null);
    }

    static ObjectNode fixture(String name) {
        return (ObjectNode) Json.parse(resource(name));
    }

    static String resource(String name) {
        try (InputStream in = StoredEventMapperTest.class.getResourceAsStream("/ocsf/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
