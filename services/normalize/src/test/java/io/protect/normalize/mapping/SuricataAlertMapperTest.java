package io.protect.normalize.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.Enrichment;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.model.ocsf.ValidationResult;
import io.protect.ocsf.model.enums.ConfidenceId;
import io.protect.ocsf.model.enums.DirectionId;
import io.protect.ocsf.model.enums.RiskLevelId;
import io.protect.ocsf.model.enums.ScoreId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.events.DetectionFinding;
import io.protect.ocsf.model.objects.Attack;
import io.protect.ocsf.model.objects.Evidences;
import io.protect.ocsf.model.objects.Observable;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SuricataAlertMapper on every real Suricata EVE alert of the samples; real OCSF validator, nothing faked. */
class SuricataAlertMapperTest {

    private final SuricataAlertMapper mapper = new SuricataAlertMapper();
    private final OcsfValidator validator = OcsfValidator.instance();

    static Stream<SuricataSamples.Sample> alerts() {
        return SuricataSamples.alerts().stream();
    }

    @Test
    void theSamplesHoldEveryAlert() {
        // 136 + 3 + 11 + 161 alert records (SOURCES.md counts them per file).
        assertEquals(311, SuricataSamples.alerts().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alerts")
    void everyRealAlertMapsToAValidDetectionFinding(SuricataSamples.Sample sample) {
        ObjectNode eve = sample.eve();
        DetectionFinding finding = mapper.map(SuricataSamples.enriched(eve, Enrichments.none()), SuricataSamples.context());
        JsonNode json = Json.MAPPER.valueToTree(finding);
        ValidationResult result = validator.validate(json);
        assertTrue(result.valid(), () -> sample + " → " + result + "\n" + json.toPrettyString());
        assertEquals(2004, json.path("class_uid").asInt());
        assertEquals(200401, json.path("type_uid").asLong());
        assertEquals(eve.path("alert").path("signature").asText(), finding.findingInfo().title());
        assertEquals(eve.path("src_ip").asText(), finding.evidences().get(0).srcEndpoint().ip());
        assertEquals(eve.path("dest_port").asInt(), finding.evidences().get(0).dstEndpoint().port());
        assertEquals(eve, Json.parse(finding.rawData()), "raw_data is the original alert");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alerts")
    void everyRealAlertWithFullEnrichmentIsStillValid(SuricataSamples.Sample sample) {
        ObjectNode eve = sample.eve();
        Enrichment enrichment = SuricataSamples.enrichment(eve.path("src_ip").asText(), eve.path("dest_ip").asText(), 72);
        JsonNode json = Json.MAPPER.valueToTree(mapper.map(SuricataSamples.enriched(eve, enrichment), SuricataSamples.context()));
        ValidationResult result = validator.validate(json);
        assertTrue(result.valid(), () -> sample + " → " + result);
        assertEquals(72, json.path("risk_score").asInt());
    }

    @Test
    void timeHonoursTheOffsetWithoutColon() {
        ObjectNode eve = SuricataSamples.find("first-org-conf-2015-alerts.ndjson", "2015-03-29T11:01:38.221126-0600");
        DetectionFinding f = mapper.map(SuricataSamples.enriched(eve, Enrichments.none()), SuricataSamples.context());
        assertEquals(Instant.parse("2015-03-29T17:01:38.221Z").toEpochMilli(), f.time());
        assertEquals(-360, f.timezoneOffset());
        assertEquals("2015-03-29T11:01:38.221126-0600", f.metadata().originalTime());
    }

    @Test
    void timeWithAZeroOffset() {
        ObjectNode eve = SuricataSamples.find("sekoia-intake-formats-eve.ndjson", "2024-01-07T19:54:41.712927+0000");
        DetectionFinding f = mapper.map(SuricataSamples.enriched(eve, Enrichments.none()), SuricataSamples.context());
        assertEquals(Instant.parse("2024-01-07T19:54:41.712Z").toEpochMilli(), f.time());
        assertEquals(0, f.timezoneOffset());
    }

    @Test
    void anUnreadableTimestampFallsBackToReceiptAndStaysUnmapped() {
        ObjectNode eve = SuricataSamples.find("first-org-conf-2015-alerts.ndjson", "2015-03-29T11:01:38.221126-0600");
        eve.put("timestamp", "yesterday");
        DetectionFinding f = mapper.map(SuricataSamples.enriched(eve, Enrichments.none()), SuricataSamples.context());
        assertEquals(SuricataSamples.context().receivedAt().toEpochMilli(), f.time());
        assertEquals("yesterday", f.unmapped().path("timestamp").asText());
        assertTrue(validator.validate(Json.MAPPER.valueToTree(f)).valid());
    }

    @Test
    void severityMapsSuricataPriorityOneToHigh() {
        assertEquals(SeverityId.HIGH, SuricataAlertMapper.severity(java.util.OptionalInt.of(1)));
        assertEquals(SeverityId.MEDIUM, SuricataAlertMapper.severity(java.util.OptionalInt.of(2)));
        assertEquals(SeverityId.LOW, SuricataAlertMapper.severity(java.util.OptionalInt.of(3)));
        assertEquals(SeverityId.INFORMATIONAL, SuricataAlertMapper.severity(java.util.OptionalInt.of(4)));
        assertEquals(SeverityId.UNKNOWN, SuricataAlertMapper.severity(java.util.OptionalInt.empty()));
        // And on real alerts of each priority:
        for (SuricataSamples.Sample s : SuricataSamples.alerts()) {
            int p = s.eve().path("alert").path("severity").asInt();
            DetectionFinding f = mapper.map(SuricataSamples.enriched(s.eve(), Enrichments.none()), SuricataSamples.context());
            assertEquals(switch (p) { case 1 -> 4; case 2 -> 3; case 3 -> 2; default -> -1; }, f.severityId().value(), s::toString);
        }
    }

    @Test
    void aRealAlertWithoutSeverityIsUnknown() {
        ObjectNode eve = SuricataSamples.find("wrccdc-2017-alerts.ndjson", "ET CHAT IRC authorization message");
        ((ObjectNode) eve.get("alert")).remove("severity");
        DetectionFinding f = mapper.map(SuricataSamples.enriched(eve, Enrichments.none()), SuricataSamples.context());
        assertEquals(SeverityId.UNKNOWN, f.severityId());
        assertTrue(validator.validate(Json.MAPPER.valueToTree(f)).valid());
    }

    @Test
    void endpointsPortsProtocolAndDirection() {
        // 222.186.56.46:4904 → 192.168.0.2:22 TCP: an external scanner reaching an internal host.
        ObjectNode eve = SuricataSamples.find("first-org-conf-2015-alerts.ndjson", "2015-03-29T11:01:38.221126-0600");
        DetectionFinding f = mapper.map(SuricataSamples.enriched(eve, Enrichments.none()), SuricataSamples.context());
        Evidences e = f.evidences().get(0);
        assertEquals("222.186.56.46", e.srcEndpoint().ip());
        assertEquals(4904, e.srcEndpoint().port());
        assertEquals("192.168.0.2", e.dstEndpoint().ip());
        assertEquals(22, e.dstEndpoint().port());
        assertEquals("tcp", e.connectionInfo().protocolName());
        assertEquals(6, e.connectionInfo().protocolNum());
        assertEquals(DirectionId.INBOUND, e.connectionInfo().directionId());
        assertEquals("1959620435402694:1:2001219", f.findingInfo().uid());
        assertEquals("2001219", f.findingInfo().analytic().uid());
        assertEquals("20", f.findingInfo().analytic().version());
        assertEquals(List.of("Attempted Information Leak"), f.findingInfo().types());
        assertEquals("Suricata", f.metadata().product().name());
        assertEquals("OISF", f.metadata().product().vendorName());
        assertEquals("1.8.0", f.metadata().version());
        assertEquals("eve.json", f.metadata().logName());
        assertEquals(SuricataSamples.context().eventId().toString(), f.metadata().uid());
        assertEquals("acme", f.metadata().tenantUid());
        assertEquals(1, f.statusId().value());
        assertTrue(f.observables().stream().anyMatch(o -> o.value().equals("222.186.56.46") && o.typeId().value() == 2));
    }

    @Test
    void udpAndOutboundHttpWithTheRequestInEvidence() {
        ObjectNode eve = SuricataSamples.find("first-org-conf-2015-alerts.ndjson", "ET CHAT Skype VOIP Checking Version (Startup)");
        DetectionFinding f = mapper.map(SuricataSamples.enriched(eve, Enrichments.none()), SuricataSamples.context());
        Evidences e = f.evidences().get(0);
        assertEquals(DirectionId.OUTBOUND, e.connectionInfo().directionId());
        assertEquals("ui.skype.com", e.httpRequest().url().hostname());
        assertEquals("/ui/0/7.2.0.103./en/getlatestversion", e.httpRequest().url().path());
        assertEquals("GET", e.httpRequest().httpMethod());
        assertTrue(f.observables().stream().anyMatch(o -> o.value().equals("ui.skype.com") && o.typeId().value() == 1));
        // Fields without an OCSF home stay, nested as in the source.
        assertEquals(200, f.unmapped().path("http").path("status").asInt());
        assertEquals(416, f.unmapped().path("flow").path("bytes_toserver").asInt());
        assertEquals("http", f.unmapped().path("app_proto").asText());
        assertFalse(f.unmapped().path("http").has("hostname"), "mapped fields leave unmapped");
        assertFalse(f.unmapped().has("src_ip"));
    }

    @Test
    void anHttpMethodOcsfDoesNotEnumerateStaysUnmapped() {
        ObjectNode eve = SuricataSamples.find("first-org-conf-2015-alerts.ndjson", "PROPFIND");
        DetectionFinding f = mapper.map(SuricataSamples.enriched(eve, Enrichments.none()), SuricataSamples.context());
        assertNull(f.evidences().get(0).httpRequest().httpMethod());
        assertEquals("/", f.evidences().get(0).httpRequest().url().path());
        assertEquals("PROPFIND", f.unmapped().path("http").path("http_method").asText());
    }

    @Test
    void attackTechniquesFromEtMetadata() {
        // A real alert with the metadata an ET Open rule carries (the samples' rules predate ATT&CK tags).
        ObjectNode eve = SuricataSamples.find("first-org-conf-2015-alerts.ndjson", "2015-03-29T11:01:38.221126-0600");
        ((ObjectNode) eve.get("alert")).set("metadata", Json.parse("""
                {"mitre_tactic_id": ["TA0043"], "mitre_tactic_name": ["Reconnaissance"],
                 "mitre_technique_id": ["T1595", "T1595.002"],
                 "mitre_technique_name": ["Active_Scanning", "Vulnerability_Scanning"],
                 "confidence": ["High"], "signature_severity": ["Major"], "updated_at": ["2019_07_26"]}
                """));
        DetectionFinding f = mapper.map(SuricataSamples.enriched(eve, Enrichments.none()), SuricataSamples.context());
        List<Attack> attacks = f.attacks();
        assertEquals(2, attacks.size());
        assertEquals("T1595", attacks.get(0).technique().uid());
        assertEquals("Active Scanning", attacks.get(0).technique().name());
        assertEquals("TA0043", attacks.get(0).tactic().uid());
        assertEquals("T1595.002", attacks.get(1).subTechnique().uid());
        assertEquals("T1595", attacks.get(1).technique().uid());
        assertEquals("Reconnaissance", attacks.get(1).tactic().name());
        assertEquals(attacks, f.findingInfo().attacks());
        assertEquals(ConfidenceId.HIGH, f.confidenceId());
        assertEquals("Major", f.unmapped().path("alert").path("metadata").path("signature_severity").get(0).asText());
        assertFalse(f.unmapped().path("alert").path("metadata").has("mitre_technique_id"));
        assertTrue(validator.validate(Json.MAPPER.valueToTree(f)).valid(), () -> validator.validate(Json.MAPPER.valueToTree(f)).toString());
    }

    @Test
    void noAttacksWithoutMetadata() {
        ObjectNode eve = SuricataSamples.find("first-org-conf-2015-alerts.ndjson", "2015-03-29T11:01:38.221126-0600");
        DetectionFinding f = mapper.map(SuricataSamples.enriched(eve, Enrichments.none()), SuricataSamples.context());
        assertNull(f.attacks());
        assertNull(f.findingInfo().attacks());
    }

    @Test
    void enrichmentBecomesLocationReputationRiskAndEnrichments() {
        ObjectNode eve = SuricataSamples.find("first-org-conf-2015-alerts.ndjson", "2015-03-29T11:01:38.221126-0600");
        Enrichment enrichment = SuricataSamples.enrichment("222.186.56.46", "192.168.0.2", 72);
        DetectionFinding f = mapper.map(SuricataSamples.enriched(eve, enrichment), SuricataSamples.context());
        var src = f.evidences().get(0).srcEndpoint();
        assertEquals("CN", src.location().country());
        assertEquals("Nanjing", src.location().city());
        assertEquals(32.0617, src.location().lat());
        assertEquals(118.7778, src.location().long_());
        assertEquals(4134, src.autonomousSystem().number());
        assertEquals("Chinanet", src.autonomousSystem().name());
        // Coordinates alone cannot be an OCSF location; they stay in the enrichment.
        assertNull(f.evidences().get(0).dstEndpoint().location());
        Observable srcObs = f.observables().stream().filter(o -> "222.186.56.46".equals(o.value())).findFirst().orElseThrow();
        assertEquals(85.0, srcObs.reputation().baseScore());
        assertEquals(ScoreId.PROBABLY_MALICIOUS, srcObs.reputation().scoreId());
        assertEquals("blocklist-de", srcObs.reputation().provider());
        assertTrue(f.observables().stream().anyMatch(o -> "evil.example".equals(o.value()) && o.typeId().value() == 1
                && o.reputation().scoreId() == ScoreId.EXERCISE_CAUTION));
        assertEquals(72, f.riskScore());
        assertEquals(RiskLevelId.HIGH, f.riskLevelId());
        assertEquals("intel-hit +40, asset-criticality +32.5", f.riskDetails());
        List<String> types = f.enrichments().stream().map(x -> x.type()).toList();
        assertEquals(List.of("location", "location", "threat_intel", "threat_intel", "asset", "risk"), types);
        assertEquals("srv-ssh-01", f.enrichments().get(4).value());
        assertTrue(f.enrichments().get(5).data().path("partial").asBoolean());
        assertEquals("user", f.enrichments().get(5).data().path("missing").get(0).asText());
        assertTrue(validator.validate(Json.MAPPER.valueToTree(f)).valid());
    }

    @Test
    void theInputAlertIsNotChanged() {
        ObjectNode eve = SuricataSamples.find("first-org-conf-2015-alerts.ndjson", "ET CHAT Skype VOIP Checking Version (Startup)");
        ObjectNode before = eve.deepCopy();
        mapper.map(SuricataSamples.enriched(eve, Enrichments.none()), SuricataSamples.context());
        assertEquals(before, eve);
        assertNotNull(eve.get("http"));
    }
}
