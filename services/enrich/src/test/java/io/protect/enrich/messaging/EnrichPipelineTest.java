package io.protect.enrich.messaging;

import io.protect.model.messaging.RecordHeaders;
import static io.protect.enrich.messaging.KafkaTestClient.ACME;
import static io.protect.enrich.messaging.KafkaTestClient.GLOBEX;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.json.Json;
import io.protect.service.common.DeadLetters;
import io.protect.tools.devservices.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The enrich stage end to end: AlertReceived envelopes built from real Suricata sample alerts go to
 * security.alerts.raw and the AlertEnriched output is read from security.alerts.enhanced. Real: the
 * Kafka broker, PostgreSQL with the Flyway-migrated demo context, the DB-IP/ASN data fetched by
 * tools/fetch-geo.sh, the shipped intel feed. Faked: nothing.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class EnrichPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    static String line(String file, int index) {
        try (InputStream in = EnrichPipelineTest.class.getClassLoader().getResourceAsStream("samples/suricata/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList().get(index);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** first-org-conf-2015: ET SCAN Potential SSH Scan, 222.186.56.46 → 192.168.0.2, severity 2. */
    static final String SSH_SCAN = line("first-org-conf-2015-alerts.ndjson", 0);
    /** wrccdc-2017: ET POLICY curl User-Agent Outbound, 10.10.1.135 → 178.62.196.187, host q.xfil.pw. */
    static final String CURL_XFIL = line("wrccdc-2017-alerts.ndjson", 1);

    private static Map<String, Double> factors(JsonNode enrichment) {
        Map<String, Double> out = new HashMap<>();
        enrichment.path("risk").path("factors").forEach(f -> out.put(f.path("name").asText(), f.path("contribution").asDouble()));
        return out;
    }

    private static JsonNode hit(JsonNode enrichment, String indicator) {
        for (JsonNode h : enrichment.path("intel")) {
            if (h.path("indicator").asText().equals(indicator)) {
                return h;
            }
        }
        throw new AssertionError("no intel hit for " + indicator + " in " + enrichment.path("intel"));
    }

    @Test
    void sampleAlertsGetGeoAssetIntelAndRiskPerTenant() {
        EventEnvelope acmeScan = KafkaTestClient.received(ACME, "suricata", SSH_SCAN);
        EventEnvelope globexScan = KafkaTestClient.received(GLOBEX, "suricata", SSH_SCAN);
        EventEnvelope globexCurl = KafkaTestClient.received(GLOBEX, "suricata", CURL_XFIL);
        KafkaTestClient.produce(Topic.SECURITY_ALERTS_RAW, acmeScan, globexScan, globexCurl);

        Map<UUID, EventEnvelope> out = KafkaTestClient.await(Topic.SECURITY_ALERTS_ENHANCED,
                Set.of(acmeScan.eventId(), globexScan.eventId(), globexCurl.eventId()), WAIT);

        // acme: the scanned server 192.168.0.2 is acme's asset.
        EventEnvelope a = out.get(acmeScan.eventId());
        assertEquals(EventType.ALERT_ENRICHED.wireName(), a.eventType());
        assertEquals(ACME, a.tenant());
        assertEquals(acmeScan.correlation().correlationId(), a.correlation().correlationId());
        JsonNode e = a.data().path("enrichment");
        assertFalse(e.path("partial").asBoolean(true));
        assertEquals(0, e.path("missing").size());
        assertEquals(Json.parse(SSH_SCAN), a.data().path("alert"), "the sensor's alert travels unchanged");
        assertEquals("CN", e.path("geo").path("source").path("countryCode").asText());
        assertTrue(e.path("geo").path("source").path("asn").isIntegralNumber());
        assertTrue(e.path("geo").path("destination").isMissingNode(), "a private address has no location");
        assertEquals("acme-web-01", e.path("asset").path("assetId").asText());
        assertEquals(5, e.path("asset").path("criticality").asInt());
        assertEquals("acme-web-01", a.data().path("assetId").asText(), "the found asset keys the record");
        assertEquals("222.186.56.46", a.data().path("sourceIp").asText());
        JsonNode scanner = hit(e, "222.186.56.46");
        assertEquals("ip", scanner.path("type").asText());
        assertEquals("ssh-scanner", scanner.path("threat").asText());
        assertEquals(80, scanner.path("confidence").asInt());
        assertEquals("default-feed.stix.json", scanner.path("source").asText());
        assertEquals(Map.of("severity", 20.0, "intel", 28.0, "asset.criticality", 15.0), factors(e));
        assertEquals(63, e.path("risk").path("score").asInt());

        // globex: same alert, but 192.168.0.2 is not globex's asset; geo and intel are the same.
        JsonNode g = out.get(globexScan.eventId()).data().path("enrichment");
        assertTrue(g.path("asset").isMissingNode(), "another tenant's asset must never be shown: " + g);
        assertFalse(g.path("partial").asBoolean(true));
        assertEquals("CN", g.path("geo").path("source").path("countryCode").asText());
        assertEquals(Map.of("severity", 20.0, "intel", 28.0), factors(g));
        assertEquals(48, g.path("risk").path("score").asInt());
        assertNull(out.get(globexScan.eventId()).data().get("assetId"));

        // globex's own host fetching from the exfiltration server: asset, domain and address hits.
        JsonNode c = out.get(globexCurl.eventId()).data().path("enrichment");
        assertEquals("globex-dev-135", c.path("asset").path("assetId").asText());
        assertEquals("q.xfil.pw", hit(c, "q.xfil.pw").path("matched").asText());
        assertEquals("default-feed.csv", hit(c, "q.xfil.pw").path("source").asText());
        assertEquals("exfiltration-server", hit(c, "178.62.196.187").path("threat").asText());
        assertNotNull(c.path("geo").path("destination").path("countryCode").textValue());
        assertEquals(Map.of("severity", 20.0, "intel", 26.0, "asset.criticality", 9.0), factors(c));
        assertEquals(55, c.path("risk").path("score").asInt());
    }

    @Test
    void aUserNamedInTheAlertBringsTheTenantsUserContext() {
        String alert = """
                {"src_ip":"192.168.0.54","dest_ip":"198.51.100.7","severity":"high","user":"Admin.Smith",
                 "message":"privileged login to a known C2 address"}""";
        EventEnvelope acme = KafkaTestClient.received(ACME, "generic", alert);
        EventEnvelope globex = KafkaTestClient.received(GLOBEX, "generic", alert);
        KafkaTestClient.produce(Topic.SECURITY_ALERTS_RAW, acme, globex);
        Map<UUID, EventEnvelope> out = KafkaTestClient.await(Topic.SECURITY_ALERTS_ENHANCED,
                Set.of(acme.eventId(), globex.eventId()), WAIT);

        JsonNode e = out.get(acme.eventId()).data().path("enrichment");
        assertEquals("u-1002", e.path("user").path("userId").asText());
        assertTrue(e.path("user").path("privileged").asBoolean());
        assertEquals("acme-ws-054", e.path("asset").path("assetId").asText());
        assertEquals(Map.of("severity", 32.0, "intel", 32.0, "asset.criticality", 6.0, "user.risk", 6.0,
                "user.privileged", 5.0), factors(e));
        assertEquals(81, e.path("risk").path("score").asInt());

        JsonNode g = out.get(globex.eventId()).data().path("enrichment");
        assertTrue(g.path("user").isMissingNode(), "acme's user is not globex's: " + g);
        assertTrue(g.path("asset").isMissingNode());
    }

    @Test
    void twoHundredAlertsOfOneKeyLeaveInTheOrderTheyCameWhetherTheirLookupsHitOrMiss() {
        // One source address, so one key and one partition; users alternate between one the tenant
        // has (cached after the first poll) and ones never seen (a database lookup each poll).
        List<EventEnvelope> sent = new java.util.ArrayList<>();
        for (int seq = 0; seq < 200; seq++) {
            String user = seq % 2 == 0 ? "admin.smith" : "unknown-" + UUID.randomUUID();
            sent.add(KafkaTestClient.received(ACME, "generic", """
                    {"src_ip":"192.168.0.54","dest_ip":"198.51.100.%d","severity":"high","user":"%s","seq":%d}"""
                    .formatted(seq % 250, user, seq), "192.168.0.54"));
        }
        KafkaTestClient.produce(Topic.SECURITY_ALERTS_RAW, sent.toArray(EventEnvelope[]::new));
        Set<UUID> ids = new java.util.HashSet<>();
        sent.forEach(e -> ids.add(e.eventId()));

        List<EventEnvelope> out = KafkaTestClient.awaitInOrder(Topic.SECURITY_ALERTS_ENHANCED, ids, WAIT);
        assertEquals(200, out.size());
        for (int seq = 0; seq < 200; seq++) {
            assertEquals(seq, out.get(seq).data().path("alert").path("seq").asInt(), "out of order at " + seq);
            JsonNode user = out.get(seq).data().path("enrichment").path("user");
            assertEquals(seq % 2 == 0 ? "u-1002" : null, user.path("userId").textValue(), "user context of alert " + seq);
        }
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheNextRecordStillFlows() {
        String poisonKey = "poison-" + UUID.randomUUID();
        KafkaTestClient.produceBytes(Topic.SECURITY_ALERTS_RAW, poisonKey, "this is not an envelope".getBytes(StandardCharsets.UTF_8));
        // A valid envelope of the wrong type: only AlertReceived belongs on security.alerts.raw.
        EventEnvelope wrongType = KafkaTestClient.INGEST.create(EventType.ALERT_ENRICHED, ACME, Json.parse("""
                {"sourceFormat":"suricata","alert":{},"enrichment":{"partial":false,"risk":{"score":0,"factors":[]}}}"""), null);
        KafkaTestClient.produce(Topic.SECURITY_ALERTS_RAW, wrongType);
        EventEnvelope valid = KafkaTestClient.received(ACME, "suricata", SSH_SCAN);
        KafkaTestClient.produce(Topic.SECURITY_ALERTS_RAW, valid);

        ConsumerRecord<String, byte[]> dead = KafkaTestClient.awaitRaw(Topic.SECURITY_ERRORS_DLQ,
                r -> poisonKey.equals(r.key()), WAIT);
        assertEquals("enrich", KafkaTestClient.header(dead, RecordHeaders.DLQ_STAGE));
        assertNotNull(KafkaTestClient.header(dead, RecordHeaders.DLQ_ERROR));
        assertEquals(Topic.SECURITY_ALERTS_RAW.topicName(), KafkaTestClient.header(dead, RecordHeaders.DLQ_ORIGINAL_TOPIC));
        assertEquals("this is not an envelope", new String(dead.value(), StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> rejected = KafkaTestClient.awaitRaw(Topic.SECURITY_ERRORS_DLQ,
                r -> wrongType.eventId().toString().equals(KafkaTestClient.header(r, RecordHeaders.DLQ_EVENT_ID)), WAIT);
        assertEquals("enrich", KafkaTestClient.header(rejected, RecordHeaders.DLQ_STAGE));
        assertTrue(KafkaTestClient.header(rejected, RecordHeaders.DLQ_ERROR).contains("expected AlertReceived, got AlertEnriched"),
                KafkaTestClient.header(rejected, RecordHeaders.DLQ_ERROR));
        assertEquals("1", KafkaTestClient.header(rejected, RecordHeaders.DLQ_ATTEMPTS), "a permanent failure is not retried");

        KafkaTestClient.await(Topic.SECURITY_ALERTS_ENHANCED, Set.of(valid.eventId()), WAIT);
    }

    @Test
    void reloadingTheIntelStorePicksUpANewFeedFile() throws IOException {
        given().when().post("/api/v1/intel/reload").then().statusCode(401);

        Path dir = Path.of("target/test-intel");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("reload-test.csv"), "type,value,threat,confidence\nip,198.51.100.99,reload-test,42\n");
        try {
            given().header("Authorization", "Bearer globex-local-token")
                    .when().post("/api/v1/intel/reload")
                    .then().statusCode(200)
                    .body("sources", hasItem("reload-test.csv"))
                    .body("indicators", greaterThanOrEqualTo(13));

            EventEnvelope alert = KafkaTestClient.received(GLOBEX, "generic", "{\"src_ip\":\"198.51.100.99\",\"severity\":3}");
            KafkaTestClient.produce(Topic.SECURITY_ALERTS_RAW, alert);
            JsonNode e = KafkaTestClient.await(Topic.SECURITY_ALERTS_ENHANCED, Set.of(alert.eventId()), WAIT)
                    .get(alert.eventId()).data().path("enrichment");
            JsonNode h = hit(e, "198.51.100.99");
            assertEquals("reload-test", h.path("threat").asText());
            assertEquals(42, h.path("confidence").asInt());
            assertEquals("reload-test.csv", h.path("source").asText());
            assertEquals(0, e.path("missing").size());
        } finally {
            Files.deleteIfExists(dir.resolve("reload-test.csv"));
            given().header("Authorization", "Bearer globex-local-token").post("/api/v1/intel/reload");
        }
    }
}
