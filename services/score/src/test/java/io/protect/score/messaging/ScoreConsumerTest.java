package io.protect.score.messaging;

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
import io.protect.score.stage.Samples;
import io.protect.service.common.DeadLetters;
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
 * The score service end to end against a real Kafka broker (LocalInfraTestResource): OCSF alerts
 * in, predictions out, wrong records dead-lettered. Nothing is faked.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class ScoreConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final EnvelopeFactory factory = new EnvelopeFactory(new EventEnvelope.Source("normalize-test", "0", "test-1"));
    private final EventEnvelope.Tenant acme = new EventEnvelope.Tenant("acme", "acme-corp");

    private EventEnvelope normalized(JsonNode ocsf, String assetId, String sourceIp) {
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("sourceFormat", "suricata");
        if (assetId != null) {
            payload.put("assetId", assetId);
        }
        if (sourceIp != null) {
            payload.put("sourceIp", sourceIp);
        }
        payload.put("ocsfVersion", "1.8.0");
        payload.set("ocsf", ocsf);
        return factory.create(EventType.ALERT_NORMALIZED, acme, payload, null);
    }

    private void send(EventEnvelope... envelopes) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, EventEnvelope> producer =
                new KafkaProducer<>(p, new StringSerializer(), new EnvelopeSerializer())) {
            for (EventEnvelope e : envelopes) {
                producer.send(new ProducerRecord<>(Topic.SECURITY_ALERTS_OCSF_READY.topicName(),
                        Topic.SECURITY_ALERTS_OCSF_READY.keyRule().keyFor(e), e)).get();
            }
        }
    }

    private Map<UUID, ConsumerRecord<String, EventEnvelope>> awaitPredictions(List<UUID> ids) {
        Map<UUID, ConsumerRecord<String, EventEnvelope>> seen = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(consumerProps(),
                new StringDeserializer(), new EnvelopeDeserializer())) {
            consumer.subscribe(List.of(Topic.SECURITY_ML_PREDICTIONS.topicName()));
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
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "score-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aNormalizedAlertIsScoredUnderTheSameEventId() throws Exception {
        EventEnvelope in = normalized(Samples.suricataFinding(), "srv-ssh-01", "222.186.56.46");
        send(in);
        ConsumerRecord<String, EventEnvelope> record = awaitPredictions(List.of(in.eventId())).get(in.eventId());
        EventEnvelope out = record.value();
        assertEquals("AlertScored", out.eventType());
        assertEquals(in.correlation().correlationId(), out.correlation().correlationId());
        assertEquals(in.correlation().spanId(), out.correlation().parentSpanId());
        assertEquals("acme/srv-ssh-01", record.key());
        JsonNode prediction = out.data().path("prediction");
        assertEquals("malicious", prediction.path("label").asText());
        assertEquals("heuristic-1", prediction.path("modelVersion").asText());
        double p = prediction.path("probability").asDouble();
        assertTrue(p >= 0.8 && p <= 1, "probability " + p);
        assertEquals(72, prediction.path("features").path("risk_score").asInt());
        assertEquals(Samples.suricataFinding(), out.data().path("ocsf"));
        assertEquals("222.186.56.46", out.data().path("sourceIp").asText());
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheNextOneStillFlows() throws Exception {
        // Bytes that are not an envelope at all.
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        String key = "acme/poison-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topic.SECURITY_ALERTS_OCSF_READY.topicName(), key,
                    "{\"not\":\"an envelope\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        // A valid envelope of the wrong stage (an AlertEnriched on the OCSF topic).
        ObjectNode enriched = (ObjectNode) Json.parse("""
                {"sourceFormat": "suricata", "alert": {"event_type": "alert"},
                 "enrichment": {"partial": false, "risk": {"score": 0, "factors": []}}}""");
        EventEnvelope wrongType = factory.create(EventType.ALERT_ENRICHED, acme, enriched, null);
        EventEnvelope valid = normalized(Samples.suricataFinding(), null, "222.186.56.46");
        send(wrongType, valid);

        ConsumerRecord<String, byte[]> undecodable = awaitDeadLetter(key);
        assertEquals(ScoreConsumer.STAGE, header(undecodable, RecordHeaders.DLQ_STAGE));
        assertTrue(header(undecodable, RecordHeaders.DLQ_ERROR) != null);

        ConsumerRecord<String, byte[]> rejected = awaitDeadLetter(wrongType.eventId().toString());
        assertEquals(ScoreConsumer.STAGE, header(rejected, RecordHeaders.DLQ_STAGE));
        assertTrue(header(rejected, RecordHeaders.DLQ_ERROR).contains("expected AlertNormalized, got AlertEnriched"),
                header(rejected, RecordHeaders.DLQ_ERROR));

        EventEnvelope out = awaitPredictions(List.of(valid.eventId())).get(valid.eventId()).value();
        assertEquals("AlertScored", out.eventType());
    }
}
