package io.protect.tools.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's sample generator and summary arithmetic. Pure. */
class SampleGeneratorTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void theSameSeedGivesTheSameSample() {
        assertEquals(new SampleGenerator(7, START).alerts(50), new SampleGenerator(7, START).alerts(50));
    }

    @Test
    void suricataAlertsHaveTheEveShape() {
        List<ObjectNode> alerts = new SampleGenerator(42, START).alerts(500);
        long suricata = alerts.stream().filter(a -> a.has("event_type")).count();
        assertTrue(suricata > 350 && suricata < 450, "about four in five are Suricata: " + suricata);
        DateTimeFormatter eve = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxx");
        for (ObjectNode a : alerts) {
            if (!a.has("event_type")) {
                assertTrue(a.path("source_ip").isTextual() && a.path("message").isTextual(), a.toString());
                continue;
            }
            assertEquals("alert", a.path("event_type").asText());
            OffsetDateTime.parse(a.path("timestamp").asText(), eve);
            for (String field : List.of("flow_id", "src_ip", "src_port", "dest_ip", "dest_port", "proto")) {
                assertTrue(a.has(field), field + " missing in " + a);
            }
            int severity = a.path("alert").path("severity").asInt();
            assertTrue(severity >= 1 && severity <= 3, a.toString());
            assertTrue(a.path("alert").path("signature").asText().length() > 10);
            boolean hasTechnique = a.path("alert").path("metadata").has("mitre_technique_id");
            assertEquals(hasTechnique, a.path("alert").path("metadata").has("mitre_tactic_id"));
        }
    }

    @Test
    void mixedSourcesCarryTheSignatureFieldsOfTheirFormat() {
        List<SampleGenerator.Generated> alerts = new SampleGenerator(42, START).mixedSources(1_000);
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (SampleGenerator.Generated g : alerts) {
            counts.merge(g.sourceFormat(), 1L, Long::sum);
            ObjectNode a = g.alert();
            assertTrue(!g.sourceIp().isBlank(), "no source IP: " + a);
            switch (g.sourceFormat()) {
                case "suricata" -> assertEquals("alert", a.path("event_type").asText());
                case "generic" -> assertTrue(a.path("message").isTextual() && !a.has("event_type"), a.toString());
                case "okta" -> assertTrue(a.path("eventType").isTextual() && a.path("uuid").isTextual()
                        && a.path("published").isTextual() && a.path("actor").isObject(), a.toString());
                case "cloudtrail" -> assertTrue(a.path("eventVersion").isTextual() && a.path("awsRegion").isTextual()
                        && a.path("eventType").asText().startsWith("Aws") && !a.has("uuid"), a.toString());
                case "zeek" -> assertTrue(a.path("ts").isNumber() && a.path("uid").asText().matches("C[0-9A-Za-z]{8,24}")
                        && a.has("id.orig_h") && !a.has("event_type"), a.toString());
                default -> throw new AssertionError("unexpected format " + g.sourceFormat());
            }
        }
        assertEquals(5, counts.size(), counts.toString());
        assertTrue(counts.get("suricata") > 350 && counts.get("suricata") < 550, counts.toString());
    }

    @Test
    void metricsAreSummedWithOrWithoutExemplars() {
        String text = """
                # TYPE protect_stage_processed_total counter
                protect_stage_processed_total{stage="ingest"} 805.0 # {span_id="510d183d08e84734",trace_id="0384fc"} 1.0 1795375038.777
                protect_stage_processed_total{stage="enrich"} 12.0
                protect_stage_dead_lettered_total{stage="enrich"} 2.0
                """;
        assertEquals(805.0, ProtectClient.sumMetric(text, "protect_stage_processed_total", "stage=\"ingest\""));
        assertEquals(817.0, ProtectClient.sumMetric(text, "protect_stage_processed_total", "stage="));
        assertEquals(2.0, ProtectClient.sumMetric(text, "protect_stage_dead_lettered_total", ""));
    }

    @Test
    void lostIsWhatIsNeitherStoredNorDeadLettered() {
        Demo.Result r = new Demo.Result(300, 297, 2, java.time.Duration.ofSeconds(3));
        assertEquals(1, r.lost());
        assertEquals("demo: sent 300 stored 297 dead-lettered 2 lost 1", r.summaryLine());
    }
}
