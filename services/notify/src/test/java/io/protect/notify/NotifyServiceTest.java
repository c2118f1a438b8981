package io.protect.notify;

import io.protect.model.messaging.RecordHeaders;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EnvelopeCodec;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.json.Json;
import io.protect.model.kafka.EnvelopeSerializer;
import io.protect.notify.messaging.NotifyConsumer;
import io.protect.notify.websocket.AlertSocket;
import io.protect.service.common.DeadLetters;
import io.protect.tools.devservices.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real: the Kafka broker of LocalInfraTestResource, the whole notify service (consumer, WebSocket
 * endpoint, producer), WebSocket clients over the network (java.net.http). Faked: the score stage,
 * played by a plain Kafka producer sending the AlertScored envelopes it would send.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class NotifyServiceTest {

    private static final EnvelopeFactory FACTORY =
            new EnvelopeFactory(new EventEnvelope.Source("notify-test", "0.1.0", "test-1"));
    private static final EventEnvelope.Tenant ACME = new EventEnvelope.Tenant("acme", "acme-corp");
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL root;

    private KafkaProducer<String, byte[]> producer;
    private final EnvelopeSerializer serializer = new EnvelopeSerializer();
    private final List<Feed> feeds = new ArrayList<>();

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
        feeds.forEach(Feed::close);
        // Sessions of one test must not count as deliveries in the next.
        await().atMost(WITHIN).untilAsserted(() -> {
            given().header("Authorization", "Bearer acme-local-token").get("/api/v1/notify/stats")
                    .then().body("sessions", equalTo(0));
            given().header("Authorization", "Bearer globex-local-token").get("/api/v1/notify/stats")
                    .then().body("sessions", equalTo(0));
        });
    }

    @Test
    void anAlertReachesItsTenantsAnalystsOnlyAndIsRecordedAsANotification() throws Exception {
        Feed acme = connect("acme-local-token");
        Feed globex = connect("globex-local-token");
        assertEquals("acme", acme.awaitMessage(m -> m.path("connected").asBoolean()).path("tenantId").asText());
        assertEquals("globex", globex.awaitMessage(m -> m.path("connected").asBoolean()).path("tenantId").asText());

        ObjectNode ocsf = fixture("detection-finding-2004.json");
        ocsf.put("risk_score", 72);
        ocsf.withObject("/dst_endpoint").put("ip", "203.0.113.7");
        EventEnvelope scored = scored(ocsf, "10.20.30.42", "malicious", 0.97);
        send(scored);

        JsonNode pushed = acme.awaitMessage(m -> scored.eventId().toString().equals(m.path("eventId").asText()));
        assertEquals("acme", pushed.path("tenantId").asText());
        assertEquals("PowerShell download cradle", pushed.path("title").asText());
        assertEquals(4, pushed.path("severityId").asInt());
        assertEquals("High", pushed.path("severity").asText());
        assertEquals("malicious", pushed.path("label").asText());
        assertEquals(0.97, pushed.path("probability").asDouble());
        assertEquals(2004, pushed.path("classUid").asInt());
        assertEquals(1_732_291_200_000L, pushed.path("time").asLong());
        assertEquals("10.20.30.42", pushed.path("srcIp").asText());
        assertEquals("203.0.113.7", pushed.path("dstIp").asText());
        assertEquals(72, pushed.path("riskScore").asInt());

        EventEnvelope notification = awaitNotification(scored.eventId());
        assertEquals(EventType.ALERT_NOTIFICATION.wireName(), notification.eventType());
        assertEquals("acme", notification.tenant().tenantId());
        assertEquals(scored.correlation().correlationId(), notification.correlation().correlationId());
        assertEquals(scored.correlation().traceId(), notification.correlation().traceId());
        JsonNode data = notification.data();
        assertEquals(1, data.path("delivered").asInt(), "one acme session, the globex one does not count");
        assertEquals("malicious", data.path("label").asText());
        assertEquals(72, data.path("riskScore").asInt());
        assertEquals("PowerShell download cradle", data.path("title").asText());

        // Give a wrongly routed push ample time to arrive before concluding it never does.
        Thread.sleep(2000);
        assertTrue(globex.alerts().isEmpty(), "globex received " + globex.alerts());

        given().header("Authorization", "Bearer acme-local-token").get("/api/v1/notify/stats")
                .then().statusCode(200).body("tenantId", equalTo("acme")).body("sessions", equalTo(1));
    }

    @Test
    void everySessionOfTheTenantIsCountedAndNoSessionMeansNoneDelivered() throws Exception {
        EventEnvelope nobody = scored(fixture("network-activity-4001.json"), null, "benign", 0.1);
        send(nobody);
        assertEquals(0, awaitNotification(nobody.eventId()).data().path("delivered").asInt());

        Feed first = connect("acme-local-token");
        Feed second = connect("acme-local-token");
        first.awaitMessage(m -> m.path("connected").asBoolean());
        second.awaitMessage(m -> m.path("connected").asBoolean());
        EventEnvelope both = scored(fixture("authentication-3002.json"), null, "suspicious", 0.6);
        send(both);
        first.awaitMessage(m -> both.eventId().toString().equals(m.path("eventId").asText()));
        second.awaitMessage(m -> both.eventId().toString().equals(m.path("eventId").asText()));
        assertEquals(2, awaitNotification(both.eventId()).data().path("delivered").asInt());
    }

    @Test
    void aConnectionWithoutAValidTokenIsClosedWithAReason() throws Exception {
        for (String query : List.of("", "?token=", "?token=nobody-token")) {
            Feed refused = connect(URI.create(ws() + query));
            int code = refused.closed.get(30, TimeUnit.SECONDS);
            assertEquals(AlertSocket.UNAUTHORIZED, code);
            assertEquals(AlertSocket.UNAUTHORIZED_REASON, refused.closeReason);
            assertTrue(refused.messages.isEmpty(), "a refused session got " + refused.messages);
        }
        given().get("/api/v1/notify/stats").then().statusCode(401);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextRecordStillFlows() throws Exception {
        String key = "acme/poison-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topic.SECURITY_ML_PREDICTIONS.topicName(), key,
                "{\"not\":\"an envelope\"}".getBytes(StandardCharsets.UTF_8))).get();
        // A valid envelope of another type: notify must refuse it, not push it.
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("sourceFormat", "edr").put("ocsfVersion", "1.8.0").set("ocsf", fixture("network-activity-4001.json"));
        EventEnvelope wrongType = FACTORY.create(EventType.ALERT_NORMALIZED, ACME, payload, null);
        producer.send(new ProducerRecord<>(Topic.SECURITY_ML_PREDICTIONS.topicName(), key,
                serializer.serialize(Topic.SECURITY_ML_PREDICTIONS.topicName(), wrongType))).get();
        EventEnvelope valid = scored(fixture("detection-finding-2004.json"), null, "malicious", 0.9);
        send(valid);

        awaitNotification(valid.eventId());
        List<ConsumerRecord<String, byte[]>> letters = read(Topic.SECURITY_ERRORS_DLQ, r -> key.equals(r.key()), 2);
        assertEquals(2, letters.size());
        ConsumerRecord<String, byte[]> notEnvelope = letters.get(0);
        assertEquals("{\"not\":\"an envelope\"}", new String(notEnvelope.value(), StandardCharsets.UTF_8));
        assertEquals(NotifyConsumer.STAGE, header(notEnvelope, RecordHeaders.DLQ_STAGE));
        assertNotNull(header(notEnvelope, RecordHeaders.DLQ_ERROR));
        ConsumerRecord<String, byte[]> refused = letters.get(1);
        assertEquals(NotifyConsumer.STAGE, header(refused, RecordHeaders.DLQ_STAGE));
        assertEquals(wrongType.eventId().toString(), header(refused, RecordHeaders.DLQ_EVENT_ID));
        assertTrue(header(refused, RecordHeaders.DLQ_ERROR).contains("AlertScored"), header(refused, RecordHeaders.DLQ_ERROR));
        // Neither was turned into a notification.
        assertTrue(read(Topic.SECURITY_NOTIFICATIONS, r -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8)
                .contains(wrongType.eventId().toString()), 1, Duration.ofSeconds(3)).isEmpty());
    }

    @Test
    void theLivePageIsServed() {
        String page = given().get("/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<script src=\"app.js\"></script>"), page);
        String script = given().get("/app.js").then().statusCode(200).extract().asString();
        assertTrue(script.contains("/ws/alerts?token="), "the page connects to the feed");
    }

    // --- helpers ---

    private void send(EventEnvelope envelope) throws Exception {
        Topic topic = Topic.SECURITY_ML_PREDICTIONS;
        producer.send(new ProducerRecord<>(topic.topicName(), topic.keyRule().keyFor(envelope),
                serializer.serialize(topic.topicName(), envelope))).get();
    }

    private EventEnvelope awaitNotification(UUID eventId) {
        List<ConsumerRecord<String, byte[]>> found = read(Topic.SECURITY_NOTIFICATIONS,
                r -> eventId.equals(EnvelopeCodec.defaultCodec().decode(r.value()).eventId()), 1);
        assertEquals(1, found.size(), "no notification for " + eventId);
        return EnvelopeCodec.defaultCodec().decode(found.get(0).value());
    }

    private List<ConsumerRecord<String, byte[]>> read(Topic topic, Predicate<ConsumerRecord<String, byte[]>> filter, int wanted) {
        return read(topic, filter, wanted, WITHIN);
    }

    /** Reads a topic from the start with a fresh group until {@code wanted} records match or time is up. */
    private List<ConsumerRecord<String, byte[]>> read(Topic topic, Predicate<ConsumerRecord<String, byte[]>> filter,
            int wanted, Duration within) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "notify-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic.topicName()));
            Instant end = Instant.now().plus(within);
            while (out.size() < wanted && Instant.now().isBefore(end)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (filter.test(r)) {
                        out.add(r);
                    }
                });
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return Optional.ofNullable(r.headers().lastHeader(name)).map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8)).orElse(null);
    }

    private String ws() {
        return "ws://" + root.getHost() + ":" + root.getPort() + "/ws/alerts";
    }

    private Feed connect(String token) throws Exception {
        return connect(URI.create(ws() + "?token=" + token));
    }

    private Feed connect(URI uri) throws Exception {
        Feed feed = new Feed();
        feed.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, feed).get(30, TimeUnit.SECONDS);
        feeds.add(feed);
        return feed;
    }

    static EventEnvelope scored(ObjectNode ocsf, String sourceIp, String label, double probability) {
        ObjectNode payload = Json.MAPPER.createObjectNode();
        if (sourceIp != null) {
            payload.put("sourceIp", sourceIp);
        }
        ObjectNode prediction = payload.putObject("prediction");
        prediction.put("label", label).put("probability", probability).put("modelVersion", "gbt-test");
        prediction.putObject("features").put("severity_id", ocsf.path("severity_id").asInt());
        payload.set("ocsf", ocsf);
        return FACTORY.create(EventType.ALERT_SCORED, ACME, payload, null);
    }

    static ObjectNode fixture(String name) {
        try (InputStream in = NotifyServiceTest.class.getResourceAsStream("/ocsf/" + name)) {
            return (ObjectNode) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A WebSocket client that keeps every message it receives and how it was closed. */
    static final class Feed implements WebSocket.Listener {
        final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        volatile String closeReason;
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(Json.parse(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        JsonNode awaitMessage(Predicate<JsonNode> matching) {
            await().atMost(WITHIN).until(() -> messages.stream().anyMatch(matching));
            return messages.stream().filter(matching).findFirst().orElseThrow();
        }

        List<JsonNode> alerts() {
            return messages.stream().filter(m -> m.hasNonNull("eventId")).toList();
        }

        void close() {
            if (!closed.isDone() && socket != null && !socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
            }
        }
    }
}
