package io.protect.normalize.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.model.ocsf.ValidationResult;
import io.protect.model.wire.RawJson;
import io.protect.ocsf.model.enums.DirectionId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.events.BaseEvent;
import io.protect.ocsf.model.events.DetectionFinding;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GenericAlertMapper on hand-written alerts in the spellings of common sensors; real OCSF validator. */
class GenericAlertMapperTest {

    private final GenericAlertMapper mapper = new GenericAlertMapper();
    private final OcsfValidator validator = OcsfValidator.instance();

    private Record map(String alertJson) {
        return mapper.map(new AlertEnriched(SourceFormat.GENERIC, null, null, RawJson.of(Json.parse(alertJson)), Enrichments.none()),
                SuricataSamples.context());
    }

    private ValidationResult validate(Record event) {
        return validator.validate(Json.MAPPER.valueToTree(event));
    }

    @Test
    void aNamedDetectionBecomesAValidDetectionFinding() {
        Record event = map("""
                {"timestamp": "2024-03-01T10:00:00+01:00", "title": "Brute force against VPN", "severity": "high",
                 "src_ip": "198.51.100.23", "src_port": 51515, "dst_ip": "10.0.0.8", "dst_port": 443, "protocol": "TCP",
                 "rule_id": "VPN-7", "id": "a-17", "category": "Credential Access", "vendor": "Acme", "product": "VPN Guard",
                 "user": "alice", "attempts": 37}
                """);
        DetectionFinding f = (DetectionFinding) event;
        assertTrue(validate(f).valid(), () -> validate(f).toString());
        assertEquals(Instant.parse("2024-03-01T09:00:00Z").toEpochMilli(), f.time());
        assertEquals(60, f.timezoneOffset());
        assertEquals(SeverityId.HIGH, f.severityId());
        assertEquals("Brute force against VPN", f.findingInfo().title());
        assertEquals("a-17", f.findingInfo().uid());
        assertEquals("VPN-7", f.findingInfo().analytic().uid());
        assertEquals("VPN Guard", f.metadata().product().name());
        assertEquals("Acme", f.metadata().product().vendorName());
        assertEquals(DirectionId.INBOUND, f.evidences().get(0).connectionInfo().directionId());
        assertEquals(443, f.evidences().get(0).dstEndpoint().port());
        // Fields the mapper does not know are kept, not dropped.
        assertEquals("alice", f.unmapped().path("user").asText());
        assertEquals(37, f.unmapped().path("attempts").asInt());
        assertFalse(f.unmapped().has("src_ip"));
    }

    @Test
    void zeekStyleDottedKeysAndEpochSeconds() {
        DetectionFinding f = (DetectionFinding) map("""
                {"ts": 1709283600.25, "note": "Scan::Port_Scan", "id.orig_h": "10.1.1.5", "id.orig_p": 40000,
                 "id.resp_h": "10.1.1.9", "id.resp_p": 22, "proto": "tcp"}
                """);
        assertTrue(validate(f).valid(), () -> validate(f).toString());
        assertEquals(1709283600250L, f.time());
        assertEquals("10.1.1.5", f.evidences().get(0).srcEndpoint().ip());
        assertEquals(DirectionId.LATERAL, f.evidences().get(0).connectionInfo().directionId());
        assertEquals(SeverityId.UNKNOWN, f.severityId());
    }

    @Test
    void numericSeverityOnTheZeroToTenScale() {
        assertEquals(SeverityId.LOW, ((DetectionFinding) map("{\"name\":\"x\",\"severity\":3}")).severityId());
        assertEquals(SeverityId.MEDIUM, ((DetectionFinding) map("{\"name\":\"x\",\"severity\":5}")).severityId());
        assertEquals(SeverityId.HIGH, ((DetectionFinding) map("{\"name\":\"x\",\"severity\":\"8\"}")).severityId());
        assertEquals(SeverityId.CRITICAL, ((DetectionFinding) map("{\"name\":\"x\",\"severity\":10}")).severityId());
        DetectionFinding unknown = (DetectionFinding) map("{\"name\":\"x\",\"severity\":\"purple\"}");
        assertEquals(SeverityId.UNKNOWN, unknown.severityId());
        assertEquals("purple", unknown.unmapped().path("severity").asText());
    }

    @Test
    void withoutADetectionNameItIsABaseEvent() {
        Record event = map("""
                {"time": "2024-03-01T10:00:00Z", "src_ip": "198.51.100.23", "bytes": 1200, "level": "warning"}
                """);
        BaseEvent b = (BaseEvent) event;
        assertTrue(validate(b).valid(), () -> validate(b).toString());
        JsonNode json = Json.MAPPER.valueToTree(b);
        assertEquals(0, json.path("class_uid").asInt());
        assertEquals(99, json.path("type_uid").asInt());
        assertEquals(SeverityId.MEDIUM, b.severityId());
        assertEquals(1200, b.unmapped().path("bytes").asInt());
        assertTrue(b.observables().stream().anyMatch(o -> o.value().equals("198.51.100.23")));
    }

    @Test
    void withoutAnyTimeTheReceiptTimeIsUsed() {
        DetectionFinding f = (DetectionFinding) map("{\"title\":\"t\"}");
        assertEquals(SuricataSamples.context().receivedAt().toEpochMilli(), f.time());
        assertTrue(validate(f).valid());
    }

    @Test
    void anAddressWithAPortInAnIpFieldIsAViolationNotAGuess() {
        DetectionFinding f = (DetectionFinding) map("""
                {"title": "Blocked connection", "src_ip": "203.0.113.7:51515", "dst_ip": "10.0.0.8"}
                """);
        ValidationResult result = validate(f);
        assertFalse(result.valid());
        assertEquals("/evidences/0/src_endpoint/ip", result.violations().get(0).path());
        assertTrue(result.violations().get(0).message().contains("not a valid ip_t"));
    }
}
