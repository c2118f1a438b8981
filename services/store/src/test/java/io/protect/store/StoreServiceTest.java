package io.protect.store;

import io.protect.model.messaging.RecordHeaders;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.json.Json;
import io.protect.model.kafka.EnvelopeSerializer;
import io.protect.service.common.DeadLetters;
import io.protect.store.messaging.StoreConsumer;
import io.protect.tools.devservices.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real: the Kafka broker and PostgreSQL of LocalInfraTestResource, the whole store service (Flyway,
 * Hibernate Reactive, both consumers, the REST API). Faked: the upstream stages, played by a plain
 * Kafka producer sending the envelopes they would send.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class StoreServiceTest {

    private static final EnvelopeFactory FACTORY =
            new EnvelopeFactory(new EventEnvelope.Source("store-test", "0.1.0", "test-1"));
    private static final EventEnvelope.Tenant ACME = new EventEnvelope.Tenant("acme", "acme-corp");
    private static final EventEnvelope.Tenant GLOBEX = new EventEnvelope.Tenant("globex", "globex-corp");
    private static final String ACME_TOKEN = "Bearer acme-local-token";
    private static final String GLOBEX_TOKEN = "Bearer globex-local-token";
    private static final Duration STORED_WITHIN = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaProducer<String, byte[]> producer;
    private final EnvelopeSerializer serializer = new EnvelopeSerializer();

    @BeforeEach
    void producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void storesAnEventAndItsPredictionAndServesThemTogether() {
        String ip = uniqueIp();
        EventEnvelope normalized = normalized(ACME, "detection-finding-2004.json", ip, 1_732_291_200_000L);
        send(Topic.SECURITY_ALERTS_OCSF_READY, normalized);

        awaitStored(ACME_TOKEN, normalized.eventId());
        given().header("Authorization", ACME_TOKEN).get("/api/v1/events/" + normalized.eventId())
                .then().statusCode(200)
                .body("eventId", equalTo(normalized.eventId().toString()))
                .body("tenantId", equalTo("acme"))
                .body("ocsf.class_uid", equalTo(2004))
                .body("ocsf.finding_info.title", equalTo("PowerShell download cradle"))
                .body("prediction", nullValue())
                .body("storedAt", containsString("T"));

        EventEnvelope scored = scored(normalized, "malicious", 0.93);
        send(Topic.SECURITY_ML_PREDICTIONS, scored);

        await().atMost(STORED_WITHIN).untilAsserted(() -> given().header("Authorization", ACME_TOKEN)
                .get("/api/v1/events/" + normalized.eventId())
                .then().statusCode(200)
                .body("prediction.label", equalTo("malicious"))
                .body("prediction.probability", equalTo(0.93f))
                .body("prediction.modelVersion", equalTo("gbt-test"))
                .body("prediction.features.risk_score", equalTo(87.0f)));

        JsonPath list = given().header("Authorization", ACME_TOKEN).queryParam("src_ip", ip)
                .get("/api/v1/events").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(normalized.eventId().toString()), list.getList("items.eventId"));
        assertEquals("malicious", list.getString("items[0].prediction.label"));
        assertNull(list.get("next"));
    }

    @Test
    void aRedeliveredEventIsStoredOnceAndNeverDeadLettered() {
        String ip = uniqueIp();
        EventEnvelope first = normalized(ACME, "network-activity-4001.json", ip, 1_732_291_400_000L);
        ObjectNode changed = first.data().deepCopy();
        ((ObjectNode) changed.get("ocsf")).put("message", "second delivery");
        EventEnvelope again = first.withData(changed);
        // Same source IP, so the same key and partition: the marker is read after both copies.
        EventEnvelope marker = normalized(ACME, "network-activity-4001.json", ip, 1_732_291_300_000L);

        send(Topic.SECURITY_ALERTS_OCSF_READY, first);
        send(Topic.SECURITY_ALERTS_OCSF_READY, again);
        send(Topic.SECURITY_ALERTS_OCSF_READY, first);
        send(Topic.SECURITY_ALERTS_OCSF_READY, marker);
        awaitStored(ACME_TOKEN, marker.eventId());

        JsonPath list = given().header("Authorization", ACME_TOKEN).queryParam("src_ip", ip)
                .get("/api/v1/events").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(first.eventId().toString(), marker.eventId().toString()), list.getList("items.eventId"));
        // The first copy stays: a redelivery never overwrites.
        assertNull(list.get("items[0].ocsf.message"));
        assertTrue(deadLetters(first.eventId().toString(), Duration.ofSeconds(3)).isEmpty(),
                "a duplicate must not be dead-lettered");

        // A redelivered prediction is a no-op too.
        send(Topic.SECURITY_ML_PREDICTIONS, scored(first, "suspicious", 0.55));
        send(Topic.SECURITY_ML_PREDICTIONS, scored(first, "benign", 0.10));
        EventEnvelope markerScore = scored(marker, "benign", 0.05);
        send(Topic.SECURITY_ML_PREDICTIONS, markerScore);
        await().atMost(STORED_WITHIN).untilAsserted(() -> given().header("Authorization", ACME_TOKEN)
                .get("/api/v1/events/" + marker.eventId()).then().body("prediction.label", equalTo("benign")));
        given().header("Authorization", ACME_TOKEN).get("/api/v1/events/" + first.eventId())
                .then().body("prediction.label", equalTo("suspicious"));
    }

    @Test
    void aTenantNeverSeesAnotherTenantsEvent() {
        String ip = uniqueIp();
        EventEnvelope acmeEvent = normalized(ACME, "authentication-3002.json", ip, 1_732_291_300_000L);
        send(Topic.SECURITY_ALERTS_OCSF_READY, acmeEvent);
        awaitStored(ACME_TOKEN, acmeEvent.eventId());

        given().header("Authorization", GLOBEX_TOKEN).queryParam("src_ip", ip).get("/api/v1/events")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("next", nullValue());
        String body = given().header("Authorization", GLOBEX_TOKEN).get("/api/v1/events/" + acmeEvent.eventId())
                .then().statusCode(404).extract().asString();
        String missing = given().header("Authorization", GLOBEX_TOKEN).get("/api/v1/events/" + UUID.randomUUID())
                .then().statusCode(404).extract().asString();
        // Another tenant's event is answered exactly like one that does not exist (apart from the id).
        assertEquals(missing.replaceAll("[0-9a-f-]{36}", "ID"), body.replaceAll("[0-9a-f-]{36}", "ID"));
        given().header("Authorization", ACME_TOKEN).get("/api/v1/events/" + acmeEvent.eventId())
                .then().statusCode(200).body("ocsf.user.name", equalTo("alice@corp.example"));
    }

    @Test
    void pagesWithACursorWithoutGapsOrRepeats() {
        String ip = uniqueIp();
        List<EventEnvelope> sent = new ArrayList<>();
        long[] times = {1_000L, 2_000L, 3_000L, 3_000L, 3_000L, 4_000L, 5_000L};
        for (long t : times) {
            EventEnvelope e = normalized(ACME, "network-activity-4001.json", ip, 1_732_000_000_000L + t);
            sent.add(e);
            send(Topic.SECURITY_ALERTS_OCSF_READY, e);
        }
        await().atMost(STORED_WITHIN).until(() -> listIds(ACME_TOKEN, Map.of("src_ip", ip, "limit", "500")).size() == 7);

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", ACME_TOKEN).queryParam("src_ip", ip).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.eventId");
            sizes.add(ids.size());
            seen.addAll(ids);
            cursor = page.get("next");
        } while (cursor != null);

        assertEquals(List.of(3, 3, 1), sizes);
        assertEquals(7, new HashSet<>(seen).size());
        List<String> expected = sent.stream()
                .sorted(Comparator.comparing((EventEnvelope e) -> e.data().at("/ocsf/time").longValue())
                        .thenComparing(e -> e.eventId().toString()).reversed())
                .map(e -> e.eventId().toString()).toList();
        // PostgreSQL orders uuids by their unsigned bytes, as their hex text sorts (not as UUID.compareTo).
        assertEquals(expected, seen, "time desc, then event id desc");
    }

    @Test
    void filtersByClassSeverityTimeAndSourceIp() {
        String ip = uniqueIp();
        EventEnvelope finding = normalized(ACME, "detection-finding-2004.json", ip, 1_732_291_200_000L); // 2004, sev 4
        EventEnvelope network = normalized(ACME, "network-activity-4001.json", ip, 1_732_291_400_000L); // 4001, sev 1
        EventEnvelope login = normalized(ACME, "authentication-3002.json", ip, 1_732_291_300_000L);     // 3002, sev 1
        send(Topic.SECURITY_ALERTS_OCSF_READY, finding);
        send(Topic.SECURITY_ALERTS_OCSF_READY, network);
        send(Topic.SECURITY_ALERTS_OCSF_READY, login);
        await().atMost(STORED_WITHIN).until(() -> listIds(ACME_TOKEN, Map.of("src_ip", ip)).size() == 3);

        assertEquals(List.of(id(finding)), listIds(ACME_TOKEN, Map.of("src_ip", ip, "class_uid", "2004")));
        assertEquals(List.of(id(network), id(login)), listIds(ACME_TOKEN, Map.of("src_ip", ip, "severity_id", "1")));
        // since is inclusive, until exclusive; both accept ISO-8601 and epoch milliseconds.
        assertEquals(List.of(id(network), id(login)),
                listIds(ACME_TOKEN, Map.of("src_ip", ip, "since", "2024-11-22T16:01:40Z")));
        assertEquals(List.of(id(login), id(finding)),
                listIds(ACME_TOKEN, Map.of("src_ip", ip, "until", "1732291400000")));
        assertEquals(List.of(id(login)),
                listIds(ACME_TOKEN, Map.of("src_ip", ip, "since", "1732291300000", "until", "2024-11-22T16:03:20Z")));
        assertEquals(List.of(), listIds(ACME_TOKEN, Map.of("src_ip", uniqueIp())));
    }

    @Test
    void badFiltersAreRejectedNamingTheParameter() {
        Map<String, String> bad = Map.of("class_uid", "abc", "severity_id", "-1", "since", "yesterday",
                "src_ip", "example.com", "limit", "501", "cursor", "not-a-cursor");
        bad.forEach((name, value) -> given().header("Authorization", ACME_TOKEN).queryParam(name, value)
                .get("/api/v1/events")
                .then().statusCode(400)
                .body("parameter", equalTo(name))
                .body("error", containsString(name)));
    }

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        for (String path : List.of("/api/v1/events", "/api/v1/events/" + UUID.randomUUID(), "/api/v1/stats")) {
            given().get(path).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                    .body("error", containsString("bearer token"));
            given().header("Authorization", "Bearer nobody-token").get(path).then().statusCode(401);
            given().header("Authorization", "Basic YWNtZTphY21l").get(path).then().statusCode(401);
        }
    }

    @Test
    void statsCountATenantsEventsAndPredictions() {
        JsonPath before = given().header("Authorization", GLOBEX_TOKEN).get("/api/v1/stats")
                .then().statusCode(200).body("tenantId", equalTo("globex")).extract().jsonPath();
        long events = before.getLong("events");
        long predictions = before.getLong("predictions");

        EventEnvelope e = normalized(GLOBEX, "network-activity-4001.json", uniqueIp(), 1_732_291_400_000L);
        send(Topic.SECURITY_ALERTS_OCSF_READY, e);
        send(Topic.SECURITY_ML_PREDICTIONS, scored(e, "benign", 0.2));

        await().atMost(STORED_WITHIN).untilAsserted(() -> given().header("Authorization", GLOBEX_TOKEN)
                .get("/api/v1/stats").then()
                .body("events", equalTo((int) events + 1))
                .body("predictions", equalTo((int) predictions + 1)));
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheNextRecordStillFlows() {
        String ip = uniqueIp();
        String key = "acme/" + ip;
        producer.send(new ProducerRecord<>(Topic.SECURITY_ALERTS_OCSF_READY.topicName(), key,
                "this is not an envelope".getBytes(StandardCharsets.UTF_8)));
        // A valid envelope of the wrong type for the predictions topic: the stage must refuse it.
        EventEnvelope wrongType = normalized(ACME, "network-activity-4001.json", ip, 1_732_291_400_000L);
        producer.send(new ProducerRecord<>(Topic.SECURITY_ML_PREDICTIONS.topicName(), key,
                serializer.serialize(Topic.SECURITY_ML_PREDICTIONS.topicName(), wrongType)));
        EventEnvelope valid = normalized(ACME, "detection-finding-2004.json", ip, 1_732_291_200_000L);
        send(Topic.SECURITY_ALERTS_OCSF_READY, valid);
        producer.flush();

        awaitStored(ACME_TOKEN, valid.eventId());
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        await().atMost(STORED_WITHIN).until(() -> {
            letters.addAll(deadLettersByKey(key, Duration.ofSeconds(2)));
            return letters.size() >= 2;
        });
        ConsumerRecord<String, byte[]> notEnvelope = letters.stream()
                .filter(r -> StoreConsumer.EVENTS_STAGE.equals(header(r, RecordHeaders.DLQ_STAGE))).findFirst().orElseThrow();
        assertEquals("this is not an envelope", new String(notEnvelope.value(), StandardCharsets.UTF_8));
        assertNotNull(header(notEnvelope, RecordHeaders.DLQ_ERROR));
        assertEquals(Topic.SECURITY_ALERTS_OCSF_READY.topicName(), header(notEnvelope, RecordHeaders.DLQ_ORIGINAL_TOPIC));

        ConsumerRecord<String, byte[]> refused = letters.stream()
                .filter(r -> StoreConsumer.PREDICTIONS_STAGE.equals(header(r, RecordHeaders.DLQ_STAGE))).findFirst().orElseThrow();
        assertTrue(header(refused, RecordHeaders.DLQ_ERROR).contains("AlertScored"), header(refused, RecordHeaders.DLQ_ERROR));
        assertEquals(wrongType.eventId().toString(), header(refused, RecordHeaders.DLQ_EVENT_ID));
        assertEquals("1", header(refused, RecordHeaders.DLQ_ATTEMPTS), "a permanent failure is not retried");
    }

    @Test
    void theConsumerGroupIsTheApplicationName() throws Exception {
        EventEnvelope e = normalized(ACME, "network-activity-4001.json", uniqueIp(), 1_732_291_400_000L);
        send(Topic.SECURITY_ALERTS_OCSF_READY, e);
        send(Topic.SECURITY_ML_PREDICTIONS, scored(e, "benign", 0.1));
        awaitStored(ACME_TOKEN, e.eventId());
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            await().atMost(STORED_WITHIN).untilAsserted(() -> {
                Set<String> topics = new HashSet<>();
                for (TopicPartition tp : admin.listConsumerGroupOffsets("store").partitionsToOffsetAndMetadata().get().keySet()) {
                    topics.add(tp.topic());
                }
                // Own group "store" for both topics: score and notify read them in their own groups.
                assertTrue(topics.containsAll(Set.of(Topic.SECURITY_ALERTS_OCSF_READY.topicName(),
                        Topic.SECURITY_ML_PREDICTIONS.topicName())), topics.toString());
            });
        }
    }

    // --- helpers ---

    private void send(Topic topic, EventEnvelope envelope) {
        try {
            producer.send(new ProducerRecord<>(topic.topicName(), topic.keyRule().keyFor(envelope),
                    serializer.serialize(topic.topicName(), envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitStored(String token, UUID eventId) {
        await().atMost(STORED_WITHIN).until(() -> given().header("Authorization", token)
                .get("/api/v1/events/" + eventId).statusCode() == 200);
    }

    private static List<String> listIds(String token, Map<String, String> params) {
        Response r = given().header("Authorization", token).queryParams(params).get("/api/v1/events");
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getList("items.eventId");
    }

    private static String id(EventEnvelope e) {
        return e.eventId().toString();
    }

    static EventEnvelope normalized(EventEnvelope.Tenant tenant, String fixture, String sourceIp, long time) {
        ObjectNode ocsf = (ObjectNode) Json.parse(resource(fixture));
        ocsf.put("time", time);
        ocsf.withObject("/src_endpoint").put("ip", sourceIp);
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("sourceFormat", "test");
        payload.put("sourceIp", sourceIp);
        payload.put("ocsfVersion", "1.8.0");
        payload.set("ocsf", ocsf);
        return FACTORY.create(EventType.ALERT_NORMALIZED, tenant, payload, null);
    }

    static EventEnvelope scored(EventEnvelope normalized, String label, double probability) {
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.set("sourceIp", normalized.data().get("sourceIp"));
        ObjectNode prediction = payload.putObject("prediction");
        prediction.put("label", label).put("probability", probability).put("modelVersion", "gbt-test");
        prediction.putObject("features").put("risk_score", 87).put("severity_id", 4);
        payload.set("ocsf", normalized.data().get("ocsf"));
        return FACTORY.advance(normalized, EventType.ALERT_SCORED, payload);
    }

    private static String uniqueIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
    }

    private static String resource(String name) {
        try (InputStream in = StoreServiceTest.class.getResourceAsStream("/ocsf/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String eventId, Duration window) {
        return readDeadLetters(window).stream().filter(r -> eventId.equals(header(r, RecordHeaders.DLQ_EVENT_ID))).toList();
    }

    private List<ConsumerRecord<String, byte[]>> deadLettersByKey(String key, Duration window) {
        return readDeadLetters(window).stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Every dead letter so far, read from the start by a fresh group. */
    private List<ConsumerRecord<String, byte[]>> readDeadLetters(Duration window) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "store-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(Topic.SECURITY_ERRORS_DLQ.topicName()));
            Instant end = Instant.now().plus(window);
            while (Instant.now().isBefore(end)) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return Optional.ofNullable(r.headers().lastHeader(name)).map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8)).orElse(null);
    }
}
