package io.protect.normalize.messaging;

import io.protect.model.messaging.RecordHeaders;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.json.Json;
import io.protect.model.kafka.EnvelopeDeserializer;
import io.protect.model.kafka.EnvelopeSerializer;
import io.protect.normalize.mapping.SuricataSamples;
import io.protect.tools.devservices.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The normalize service end to end against a real Kafka broker (LocalInfraTestResource): real
 * Suricata alerts in, OCSF out on the pipeline and domain topics, invalid events dead-lettered.
 * Nothing is faked.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class NormalizeConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final EnvelopeFactory factory = new EnvelopeFactory(new EventEnvelope.Source("enrich-test", "0", "test-1"));
    private final EventEnvelope.Tenant acme = new EventEnvelope.Tenant("acme", "acme-corp");

    private EventEnvelope enriched(ObjectNode alert, String sourceFormat, io.protect.model.events.Enrichment enrichment) {
        return enriched(alert, sourceFormat, enrichment.toJson());
    }

    private EventEnvelope enriched(ObjectNode alert, String sourceFormat, JsonNode enrichment) {
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("sourceFormat", sourceFormat);
        if (alert.hasNonNull("src_ip")) {
            payload.put("sourceIp", alert.get("src_ip").asText());
        }
        payload.set("alert", alert);
        payload.set("enrichment", enrichment);
        return factory.create(EventType.ALERT_ENRICHED, acme, payload, null);
    }

    private static ObjectNode minimalEnrichment() {
        return (ObjectNode) Json.parse("{\"partial\":false,\"risk\":{\"score\":10,\"factors\":[]}}");
    }

    private void send(EventEnvelope... envelopes) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, EventEnvelope> producer =
                new KafkaProducer<>(p, new StringSerializer(), new EnvelopeSerializer())) {
            for (EventEnvelope e : envelopes) {
                producer.send(new ProducerRecord<>(Topic.SECURITY_ALERTS_ENHANCED.topicName(),
                        Topic.SECURITY_ALERTS_ENHANCED.keyRule().keyFor(e), e)).get();
            }
        }
    }

    private void sendBytes(byte[] bytes) throws Exception {
        sendBytes("acme/poison", bytes);
    }

    private void sendBytes(String key, byte[]... values) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(Topic.SECURITY_ALERTS_ENHANCED.topicName(), key, value)).get();
            }
        }
    }

    /** Envelopes on a topic whose event id is one of ours, polled until every id was seen. */
    private Map<UUID, ConsumerRecord<String, EventEnvelope>> awaitEnvelopes(Topic topic, List<UUID> ids) {
        Map<UUID, ConsumerRecord<String, EventEnvelope>> seen = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(consumerProps(),
                new StringDeserializer(), new EnvelopeDeserializer())) {
            consumer.subscribe(List.of(topic.topicName()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, EventEnvelope> r : consumer.poll(Duration.ofMillis(200))) {
                    if (ids.contains(r.value().eventId())) {
                        seen.put(r.value().eventId(), r);
                    }
                }
                return seen.keySet().containsAll(ids);
            });
        }
        return seen;
    }

    /** Dead letters whose event-id header (or, for undecodable records, key) is one we sent. */
    private ConsumerRecord<String, byte[]> awaitDeadLetter(String eventIdOrKey) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topic.SECURITY_ERRORS_DLQ.topicName()));
            ConsumerRecord<String, byte[]>[] found = new ConsumerRecord[1];
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (eventIdOrKey.equals(header(r, RecordHeaders.DLQ_EVENT_ID)) || eventIdOrKey.equals(r.key())) {
                        found[0] = r;
                    }
                }
                return found[0] != null;
            });
            return found[0];
        }
    }

    private Properties consumerProps() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "normalize-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aRealSuricataAlertIsPublishedAsOcsfToThePipelineAndToNetworkThreats() throws Exception {
        ObjectNode alert = SuricataSamples.find("first-org-conf-2015-alerts.ndjson", "2015-03-29T11:01:38.221126-0600");
        EventEnvelope in = enriched(alert, "suricata", SuricataSamples.enrichment("222.186.56.46", "192.168.0.2", 72));
        send(in);

        EventEnvelope out = awaitEnvelopes(Topic.SECURITY_ALERTS_OCSF_READY, List.of(in.eventId())).get(in.eventId()).value();
        assertEquals("AlertNormalized", out.eventType());
        assertEquals(in.correlation().correlationId(), out.correlation().correlationId());
        assertEquals("suricata", out.data().path("sourceFormat").asText());
        assertEquals("222.186.56.46", out.data().path("sourceIp").asText());
        assertEquals("1.8.0", out.data().path("ocsfVersion").asText());
        JsonNode ocsf = out.data().path("ocsf");
        assertEquals(2004, ocsf.path("class_uid").asInt());
        assertEquals("ET SCAN Potential SSH Scan", ocsf.path("finding_info").path("title").asText());
        assertEquals(3, ocsf.path("severity_id").asInt());
        assertEquals(72, ocsf.path("risk_score").asInt());
        assertEquals(in.eventId().toString(), ocsf.path("metadata").path("uid").asText());

        ConsumerRecord<String, EventEnvelope> domain =
                awaitEnvelopes(Topic.NETWORK_THREATS, List.of(in.eventId())).get(in.eventId());
        assertEquals(out, domain.value());
        assertEquals("acme/222.186.56.46", domain.key());
    }

    @Test
    void anAlertThatMapsToInvalidOcsfIsDeadLetteredAndTheNextOneStillFlows() throws Exception {
        // A firewall that writes "address:port" into its source-IP field: OCSF's ip_t rejects it.
        ObjectNode bad = (ObjectNode) Json.parse("""
                {"timestamp": "2024-03-01T10:00:00Z", "title": "Blocked connection", "severity": "medium",
                 "src_ip": "203.0.113.7:51515", "dst_ip": "10.0.0.8", "dst_port": 443}
                """);
        EventEnvelope poison = enriched(bad, "generic", minimalEnrichment());
        ObjectNode good = SuricataSamples.find("wrccdc-2017-alerts.ndjson", "ET CHAT IRC authorization message");
        EventEnvelope valid = enriched(good, "suricata", minimalEnrichment());
        send(poison, valid);

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poison.eventId().toString());
        assertEquals(NormalizeConsumer.STAGE, header(dead, RecordHeaders.DLQ_STAGE));
        String error = header(dead, RecordHeaders.DLQ_ERROR);
        assertTrue(error.contains("/evidences/0/src_endpoint/ip") && error.contains("not a valid ip_t"), error);
        assertEquals(poison.eventId().toString(), header(dead, RecordHeaders.DLQ_EVENT_ID));
        assertEquals("acme", header(dead, RecordHeaders.DLQ_TENANT));
        assertEquals("1", header(dead, RecordHeaders.DLQ_ATTEMPTS), "a validation failure is not retried");
        assertEquals(poison.eventId(), new EnvelopeDeserializer().deserialize("t", dead.value()).eventId(),
                "the original record is dead-lettered unchanged");

        EventEnvelope out = awaitEnvelopes(Topic.SECURITY_ALERTS_OCSF_READY, List.of(valid.eventId())).get(valid.eventId()).value();
        assertEquals("ET CHAT IRC authorization message", out.data().path("ocsf").path("finding_info").path("title").asText());
    }

    @Test
    void anAlertNestedTooDeepToTravelIsDeadLetteredAloneAndTheStageGoesOn() throws Exception {
        // An alert nested 998 levels deep: with the envelope around it, deeper than any reader goes.
        ObjectNode shallow = SuricataSamples.find("wrccdc-2017-alerts.ndjson", "ET CHAT IRC authorization message");
        EventEnvelope deep = enriched(shallow, "suricata", minimalEnrichment());
        EventEnvelope after = enriched(shallow.deepCopy(), "suricata", minimalEnrichment());
        String nested = "[".repeat(998) + "]".repeat(998);
        byte[] deepBytes = new String(new EnvelopeSerializer().serialize("t", deep), StandardCharsets.UTF_8)
                .replaceFirst("\"alert\":\\{", java.util.regex.Matcher.quoteReplacement("\"alert\":{\"nested\":" + nested + ","))
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(new String(deepBytes, StandardCharsets.UTF_8).contains("\"nested\":[[["), "the test did not nest anything");
        String key = "acme/deep-" + UUID.randomUUID();
        sendBytes(key, deepBytes, new EnvelopeSerializer().serialize("t", after));

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key);
        assertEquals(NormalizeConsumer.STAGE, header(dead, RecordHeaders.DLQ_STAGE));
        assertTrue(header(dead, RecordHeaders.DLQ_ERROR).contains("nesting depth"), header(dead, RecordHeaders.DLQ_ERROR));
        assertTrue(java.util.Arrays.equals(deepBytes, dead.value()), "the record is dead-lettered as it was");
        // The record behind it on the same partition still flows.
        awaitEnvelopes(Topic.SECURITY_ALERTS_OCSF_READY, List.of(after.eventId()));
    }

    @Test
    void bytesThatAreNotAnEnvelopeAreDeadLettered() throws Exception {
        String key = "acme/poison";
        sendBytes("not an envelope".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key);
        assertEquals(NormalizeConsumer.STAGE, header(dead, RecordHeaders.DLQ_STAGE));
        assertEquals("not an envelope", new String(dead.value(), StandardCharsets.UTF_8));
    }
}
