package io.protect.notify.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.Event;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.AlertScored;
import io.protect.model.events.Prediction;
import io.protect.model.wire.EventCodec;
import io.protect.model.wire.RawJson;
import io.protect.model.events.EventType;
import io.protect.model.json.Json;
import io.protect.notify.AlertMessage;
import io.protect.model.events.AlertNotification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real: OCSF events (project fixtures and the OCSF examples), the envelope factory and codec. Faked: nothing. */
class AlertNotificationsTest {

    private static final EnvelopeFactory FACTORY =
            new EnvelopeFactory(new EventEnvelope.Source("notify-test", "0.1.0", "unit"));
    private static final EventEnvelope.Tenant ACME = new EventEnvelope.Tenant("acme", "acme-corp");

    private final AlertNotifications notifications = new AlertNotifications();

    @Test
    void condensesADetectionFinding() {
        ObjectNode ocsf = fixture("detection-finding-2004.json");
        ocsf.put("risk_score", 72);
        Event<AlertScored> scored = scored(ocsf, "10.20.30.42", "malicious", 0.97);

        AlertMessage m = notifications.toMessage(scored);

        assertEquals(scored.eventId(), m.eventId());
        assertEquals("acme", m.tenantId());
        assertEquals("PowerShell download cradle", m.title());
        assertEquals(4, m.severityId());
        assertEquals("High", m.severity());
        assertEquals("malicious", m.label());
        assertEquals(0.97, m.probability());
        assertEquals(2004, m.classUid());
        assertEquals(1_732_291_200_000L, m.time());
        // No src_endpoint in this finding: the payload's sourceIp stands in.
        assertEquals("10.20.30.42", m.srcIp());
        assertNull(m.dstIp());
        assertEquals(72, m.riskScore());
    }

    @Test
    void fallsBackToMessageOrTypeNameAndToTheSeverityCaption() {
        ObjectNode network = fixture("network-activity-4001.json");
        network.remove("severity");
        AlertMessage m = notifications.toMessage(scored(network, null, "benign", 0.1));
        assertEquals("Network Activity: Traffic", m.title());
        assertEquals("Informational", m.severity());
        assertEquals("10.0.0.5", m.srcIp());
        assertEquals("198.51.100.77", m.dstIp());
        assertNull(m.riskScore(), "no risk score is not a risk score of 0");
    }

    @Test
    void theNotificationOfEveryOcsfExampleIsAValidAlertNotification() {
        List<String> lines = resource("ocsf-examples-valid-1.8.ndjson").lines().filter(l -> !l.isBlank()).toList();
        for (String line : lines) {
            Event<AlertScored> scored = scored((ObjectNode) Json.parse(line), null, "suspicious", 0.5);
            AlertMessage m = notifications.toMessage(scored);
            assertNotNull(m.title());
            AlertNotification n = notifications.toNotification(m, 2);
            Event<AlertNotification> out = FACTORY.advance(scored, EventType.ALERT_NOTIFICATION, n);
            byte[] bytes = EventCodec.encode(out, AlertNotification.CODEC);
            // Read back under full validation: the AlertNotification schema holds.
            AlertNotification read = EventCodec.decode(bytes, AlertNotification.CODEC, EventCodec.Validation.FULL).payload();
            assertEquals(2, read.delivered());
            assertEquals(n, read);
            assertEquals(scored.eventId(), out.eventId());
        }
    }

    @Test
    void refusesAnEventWithoutAnIntegerTime() {
        ObjectNode ocsf = fixture("network-activity-4001.json");
        ocsf.put("time", "yesterday");
        assertThrows(IllegalArgumentException.class, () -> notifications.toMessage(scored(ocsf, null, "benign", 0.1)));
    }

    static Event<AlertScored> scored(ObjectNode ocsf, String sourceIp, String label, double probability) {
        return FACTORY.createEvent(EventType.ALERT_SCORED, ACME, new AlertScored(null, sourceIp,
                new Prediction(label, probability, "gbt-test", Map.of("severity_id", 4.0)), RawJson.of(ocsf)), null);
    }

    static ObjectNode fixture(String name) {
        return (ObjectNode) Json.parse(resource(name));
    }

    static String resource(String name) {
        try (InputStream in = AlertNotificationsTest.class.getResourceAsStream("/ocsf/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
