package io.protect.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EnvelopeCodec;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.json.Json;
import io.protect.tools.devservices.LocalInfraTestResource;
import io.protect.tools.devservices.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Real: the ingest application, a Kafka broker (LocalInfraTestResource), real Suricata alerts.
 * Faked: nothing. What reaches security.alerts.raw is read back with a plain consumer.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class AlertResourceTest {

    private static final String ACME = "Bearer acme-local-token";
    private static final String RAW = Topic.SECURITY_ALERTS_RAW.topicName();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private List<EventEnvelope> published(Set<String> eventIds) {
        List<ConsumerRecord<String, byte[]>> records = TopicProbe.read(bootstrap, RAW,
                r -> eventIds.contains(Json.parse(r.value()).path("eventId").asText()), eventIds.size(), Duration.ofSeconds(30));
        return records.stream().map(r -> {
            EventEnvelope e = EnvelopeCodec.defaultCodec().decode(r.value());
            assertEquals(Topic.SECURITY_ALERTS_RAW.keyRule().keyFor(e), r.key());
            return e;
        }).toList();
    }

    @Test
    void ndjsonOfRealSuricataAlertsIsPublishedForTheTokensTenant() throws Exception {
        String body = new String(getClass().getResourceAsStream("/samples/suricata/wrccdc-2017-alerts-40.ndjson")
                .readAllBytes(), StandardCharsets.UTF_8);
        List<String> ids = given().header("Authorization", ACME).contentType("application/x-ndjson")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/alerts")
                .then().statusCode(202).body("accepted", equalTo(40)).body("eventIds", hasSize(40))
                .extract().jsonPath().getList("eventIds", String.class);

        List<EventEnvelope> events = published(new HashSet<>(ids));
        assertEquals(40, events.size());
        List<String> sent = body.lines().map(l -> Json.parse(l).toString()).sorted().toList();
        List<String> received = events.stream().map(e -> e.data().get("alert").toString()).sorted().toList();
        // Every alert arrives exactly as sent: same content, none lost, none doubled.
        assertEquals(sent, received);
        for (EventEnvelope e : events) {
            assertEquals("AlertReceived", e.eventType());
            assertEquals("acme", e.tenant().tenantId());
            assertEquals("acme-corp", e.tenant().organizationId());
            assertEquals("suricata", e.data().get("sourceFormat").asText());
            assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", e.correlation().traceId());
            JsonNode alert = e.data().get("alert");
            assertEquals(alert.get("src_ip").asText(), e.data().get("sourceIp").asText());
        }
    }

    @Test
    void theTenantComesFromTheTokenNeverFromThePayload() {
        String id = given().header("Authorization", "Bearer globex-local-token").contentType("application/json")
                .body("{\"tenant\":\"acme\",\"tenantId\":\"acme\",\"src_ip\":\"192.0.2.77\",\"message\":\"x\"}")
                .when().post("/api/v1/alerts")
                .then().statusCode(202).extract().jsonPath().getString("eventIds[0]");
        EventEnvelope e = published(Set.of(id)).get(0);
        assertEquals("globex", e.tenant().tenantId());
        assertEquals("generic", e.data().get("sourceFormat").asText());
        assertEquals("globex/192.0.2.77", Topic.SECURITY_ALERTS_RAW.keyRule().keyFor(e));
    }

    @Test
    void aBatchWithOneBadElementIsRefusedWhole() {
        String marker = UUID.randomUUID().toString();
        given().header("Authorization", ACME).contentType("application/json")
                .body("[{\"marker\":\"" + marker + "\"}, {\"marker\":\"" + marker + "\"}, 7]")
                .when().post("/api/v1/alerts")
                .then().statusCode(400).body("index", equalTo(2)).body("error", startsWith("element 2 is a number"));
        given().header("Authorization", ACME).contentType("application/x-ndjson")
                .body(("{\"marker\":\"" + marker + "\"}\n{\"marker\":\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/alerts")
                .then().statusCode(400).body("line", equalTo(2));
        // A valid request afterwards is published; the refused ones left nothing on the topic.
        String after = given().header("Authorization", ACME).contentType("application/json")
                .body("{\"marker\":\"" + marker + "-ok\"}")
                .when().post("/api/v1/alerts").then().statusCode(202).extract().jsonPath().getString("eventIds[0]");
        assertEquals(1, published(Set.of(after)).size());
        List<ConsumerRecord<String, byte[]>> leaked = TopicProbe.read(bootstrap, RAW,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"" + marker + "\""), 1, Duration.ofSeconds(3));
        assertTrue(leaked.isEmpty(), "records of a refused batch were published");
    }

    @Test
    void authenticationIsRequired() {
        given().contentType("application/json").body("{}").when().post("/api/v1/alerts")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer")).body("error", equalTo("missing bearer token"));
        given().header("Authorization", "Bearer nope").contentType("application/json").body("{}")
                .when().post("/api/v1/alerts").then().statusCode(401).body("error", equalTo("invalid bearer token"));
    }

    @Test
    void limitsAndMediaTypesAreEnforced() {
        given().header("Authorization", ACME).contentType("application/xml").body("<x/>")
                .when().post("/api/v1/alerts").then().statusCode(415);
        String bigEvent = "{\"blob\":\"" + "x".repeat(70 * 1024) + "\"}";
        given().header("Authorization", ACME).contentType("application/json").body("[{}, " + bigEvent + "]")
                .when().post("/api/v1/alerts").then().statusCode(413).body("index", equalTo(1));
        String bigRequest = ("{\"blob\":\"" + "y".repeat(60 * 1024) + "\"}\n").repeat(18);
        given().header("Authorization", ACME).contentType("application/x-ndjson").body(bigRequest.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/alerts").then().statusCode(413).body("error", startsWith("request body is"));
        given().header("Authorization", ACME).contentType("application/json").queryParam("source", "nonsense").body("{}")
                .when().post("/api/v1/alerts").then().statusCode(400).body("error", startsWith("unknown source 'nonsense'"));
    }
}
