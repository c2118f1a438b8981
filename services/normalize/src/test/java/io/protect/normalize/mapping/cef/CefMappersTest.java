package io.protect.normalize.mapping.cef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.Enrichment;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.model.ocsf.ValidationResult;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.Enrichments;
import io.protect.ocsf.model.enums.SeverityId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CefMappers on every real CEF sample (as ingest's CefParser parses it); real OCSF validator, nothing faked. */
class CefMappersTest {

    /** Source paths whose values are read into another form (times, enumerations), not findable as text. */
    static final Set<String> TRANSFORMED = Set.of("extension.rt", "extension.start", "extension.end", "extension.dtz",
            "syslog.timestamp", "severity", "extension.act", "extension.outcome", "extension.deviceDirection");

    private final OcsfValidator validator = OcsfValidator.instance();

    static Stream<SyslogSamples.Sample> samples() {
        return SyslogSamples.parsed("cef").stream();
    }

    static JsonNode map(ObjectNode event, Enrichment enrichment) {
        AlertMapper mapper = CefMappers.forEvent(event);
        return Json.MAPPER.valueToTree(mapper.map(SyslogSamples.enriched(SourceFormat.CEF, event, enrichment), SyslogSamples.context()));
    }

    @Test
    void theParsedSamplesHoldEveryValidLine() {
        // 119 lines, of which the truncated Citrix SNMP trap is not CEF (ingest's CefParserTest shows it is rejected).
        assertEquals(118, SyslogSamples.parsed("cef").size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleMapsToAValidEventOfItsClassLosingNoField(SyslogSamples.Sample s) {
        JsonNode json = map(s.event(), Enrichments.none());
        ValidationResult result = validator.validate(json);
        assertTrue(result.valid(), () -> s + " → " + result + "\n" + json.toPrettyString());
        int cls = json.path("class_uid").asInt();
        assertEquals(switch (SyslogEventMapper.kind(s.event(), CefMappers.DIALECT)) {
            case AUTHENTICATION -> 3002;
            case NETWORK_ACTIVITY -> 4001;
            case DETECTION_FINDING -> 2004;
        }, cls);
        assertEquals(s.event().path("deviceProduct").asText(), json.at("/metadata/product/name").asText());
        assertEquals(s.event().path("deviceVendor").asText(), json.at("/metadata/product/vendor_name").asText());
        assertEquals(s.event(), Json.parse(json.path("raw_data").asText()), "raw_data is the parsed event");
        List<String> lost = LosslessCheck.lost(s.event(), json, TRANSFORMED);
        assertTrue(lost.isEmpty(), () -> s + " lost " + lost + "\n" + json.toPrettyString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleWithFullEnrichmentIsStillValid(SyslogSamples.Sample s) {
        JsonNode src = s.event().path("extension").path("src");
        Enrichment enrichment = Enrichments.parse("""
                {"partial": false,
                 "geo": {"source": {"ip": "%s", "countryCode": "FR", "city": "Paris"}},
                 "intel": [{"indicator": "%s", "type": "ip", "confidence": 80, "source": "feed"}],
                 "risk": {"score": 55, "factors": [{"name": "intel-hit", "contribution": 55}]}}
                """.formatted(src.asText("1.2.3.4"), src.asText("1.2.3.4")));
        JsonNode json = map(s.event(), enrichment);
        ValidationResult result = validator.validate(json);
        assertTrue(result.valid(), () -> s + " → " + result);
        assertEquals(55, json.path("risk_score").asInt());
    }

    @Test
    void classesProducedOverTheSamples() {
        Map<Integer, Long> classes = samples().collect(Collectors.groupingBy(
                s -> map(s.event(), Enrichments.none()).path("class_uid").asInt(), TreeMap::new, Collectors.counting()));
        assertEquals(Set.of(2004, 3002, 4001), classes.keySet(), classes::toString);
    }

    @Test
    void aFailedAdminLoginIsAFailedAuthentication() {
        ObjectNode e = SyslogSamples.find("cef", "\"FTNTFGTlogdesc\":\"Admin login failed\"");
        JsonNode json = map(e, Enrichments.none());
        assertEquals(3002, json.path("class_uid").asInt());
        assertEquals(300201, json.path("type_uid").asLong());
        assertEquals("user1", json.at("/user/name").asText());
        assertEquals(2, json.path("status_id").asInt());
        assertEquals("172.16.200.254", json.at("/src_endpoint/ip").asText());
        assertEquals("172.16.200.1", json.at("/dst_endpoint/ip").asText());
        assertEquals(SeverityId.HIGH.value(), json.path("severity_id").asInt(), "CEF 7 is High");
        assertEquals("FGT5HD3915800610", json.at("/device/uid").asText());
        // act=login is no security-control action: it stays in unmapped
        assertEquals("login", json.at("/unmapped/extension/act").asText());
        assertTrue(json.path("action_id").isMissingNode());
    }

    @Test
    void aFirewallDiscardIsARefusedNetworkConnection() {
        ObjectNode e = SyslogSamples.find("cef", "\"msg\":\"spoofed packet\"");
        JsonNode json = map(e, Enrichments.none());
        assertEquals(4001, json.path("class_uid").asInt());
        assertEquals(5, json.path("activity_id").asInt(), "Refuse");
        assertEquals(2, json.path("action_id").asInt(), "Denied");
        assertEquals(6, json.path("disposition_id").asInt(), "Dropped");
        assertEquals(17, json.at("/connection_info/protocol_num").asInt());
        assertEquals("udp", json.at("/connection_info/protocol_name").asText());
        assertEquals(138, json.at("/dst_endpoint/port").asInt());
        assertEquals("NetBIOS Datagram", json.path("app_name").asText());
        // rt=Sep 14 2021 13:58:33 has no zone: read as UTC
        assertEquals(Instant.parse("2021-09-14T13:58:33Z").toEpochMilli(), json.path("time").asLong());
        assertEquals("Sep 14 2021 13:58:33", json.at("/metadata/original_time").asText());
        assertEquals(SeverityId.LOW.value(), json.path("severity_id").asInt(), "CEF 0 is Low");
        assertTrue(json.at("/metadata/profiles").toString().contains("security_control"));
    }

    @Test
    void aMalwareDetectionIsADetectionFindingWithFileAndHash() {
        ObjectNode e = SyslogSamples.find("cef", "\"signatureId\":\"VAD\"");
        JsonNode json = map(e, Enrichments.none());
        assertEquals(2004, json.path("class_uid").asInt());
        assertEquals("VAN_RANSOMWARE.umxxhelloransom_abc", json.at("/finding_info/title").asText());
        assertEquals("VAD", json.at("/finding_info/analytic/uid").asText());
        JsonNode file = json.at("/evidences/0/file");
        assertEquals("C:\\\\QA_Log.zip", file.path("name").asText());
        assertEquals(2, file.at("/hashes/0/algorithm_id").asInt(), "40 hex digits: SHA-1");
        assertEquals("http://127.1.1.1", json.at("/evidences/0/url/url_string").asText());
        // rt=Mar 22 2018 08:23:23 GMT+00:00
        assertEquals(Instant.parse("2018-03-22T08:23:23Z").toEpochMilli(), json.path("time").asLong());
        // custom fields are named by their labels
        assertEquals("Anti-security, self-preservation", json.at("/unmapped/extension/Threat_Categories").asText());
        assertFalse(json.at("/unmapped/extension").has("cs2Label"));
    }

    @Test
    void syslogIsoTimestampIsTheTimeWhenThereIsNoRt() {
        ObjectNode e = SyslogSamples.find("cef", "ALERT_CABINET_EVENT_MATCH_AUDIT");
        JsonNode json = map(e, Enrichments.none());
        assertEquals(Instant.parse("2016-04-01T13:29:11.356Z").toEpochMilli(), json.path("time").asLong());
        assertEquals(-240, json.path("timezone_offset").asInt());
        assertEquals(1459517280810L, json.path("start_time").asLong());
        assertEquals("https://abcd-remote.console.arc.com/#/alerts/56fe779ee4b0459f4e9a484a",
                json.at("/unmapped/extension/consoleUrl").asText(), "cs6 under its label cs6Label=consoleUrl");
    }

    @Test
    void quotedLabelsAndEmptyValues() {
        ObjectNode e = SyslogSamples.find("cef", "HHHPVATN1");
        JsonNode json = map(e, Enrichments.none());
        JsonNode ext = json.at("/unmapped/extension");
        assertEquals("Security Vulnerability Mgmt", ext.path("Safe Name").asText());
        assertEquals("", ext.path("Affected User Name").asText());
        assertEquals("", ext.path("dhost").asText(), "an empty value is kept, not mapped");
        assertEquals("HHHPVATN1", json.at("/unmapped/syslog/host").asText());
    }

    @Test
    void severityBandsAndWords() {
        assertEquals(SeverityId.LOW, SyslogEventMapper.severity("0"));
        assertEquals(SeverityId.LOW, SyslogEventMapper.severity("3"));
        assertEquals(SeverityId.MEDIUM, SyslogEventMapper.severity("4"));
        assertEquals(SeverityId.MEDIUM, SyslogEventMapper.severity("6"));
        assertEquals(SeverityId.HIGH, SyslogEventMapper.severity("7"));
        assertEquals(SeverityId.HIGH, SyslogEventMapper.severity("8"));
        assertEquals(SeverityId.CRITICAL, SyslogEventMapper.severity("9"));
        assertEquals(SeverityId.CRITICAL, SyslogEventMapper.severity("10"));
        assertEquals(SeverityId.UNKNOWN, SyslogEventMapper.severity("11"));
        assertEquals(SeverityId.UNKNOWN, SyslogEventMapper.severity("-1"));
        assertEquals(SeverityId.HIGH, SyslogEventMapper.severity("High"));
        assertEquals(SeverityId.CRITICAL, SyslogEventMapper.severity("Very-High"));
        assertEquals(SeverityId.UNKNOWN, SyslogEventMapper.severity("MAJOR"));
    }

    @Test
    void anUnknownSeverityWordStaysUnmapped() {
        JsonNode json = map(SyslogSamples.find("cef", "\"severity\":\"MAJOR\""), Enrichments.none());
        assertEquals(0, json.path("severity_id").asInt());
        assertEquals("MAJOR", json.at("/unmapped/severity").asText());
    }

    @Test
    void cefTimeForms() {
        assertEquals(Instant.parse("2021-03-01T20:35:54Z"), SyslogEventTimes.parse("Mar 01 2021 20:35:54", null, null).orElseThrow().instant());
        assertEquals(Instant.parse("2021-03-01T19:35:54Z"), SyslogEventTimes.parse("Mar 01 2021 20:35:54", null, "CET").orElseThrow().instant());
        assertEquals(Instant.parse("2017-10-11T06:34:09Z"), SyslogEventTimes.parse("Oct 11 2017 06:34:09 GMT+00:00", null, null).orElseThrow().instant());
        assertEquals(Instant.parse("2025-05-01T16:00:02.009Z"), SyslogEventTimes.parse("May 01 2025 18:00:02.009 CEST", null, null).orElseThrow().instant());
        assertEquals(Instant.parse("2022-09-23T07:51:24Z"),
                SyslogEventTimes.parse("Sep 23 2022 09:51:24 +0200", "MMM dd yyyy HH:mm:ss Z", null).orElseThrow().instant());
        assertEquals(Instant.ofEpochMilli(1629500007043L), SyslogEventTimes.parse("1629500007043", null, null).orElseThrow().instant());
        assertEquals(Instant.parse("2016-03-31T13:04:55Z"), SyslogEventTimes.parse("31 March 2016 13:04:55", null, null).orElseThrow().instant());
        assertEquals(Instant.parse("2023-06-09T14:16:15.212418Z"), SyslogEventTimes.parse("2023-06-09T14:16:15.212418", null, null).orElseThrow().instant());
        assertTrue(SyslogEventTimes.parse("Mar 01 2021 20:35:54 XYZT", null, null).isEmpty(), "an unknown zone is no time");
        assertTrue(SyslogEventTimes.parse("yesterday", null, null).isEmpty());
    }

    @Test
    void aMinimalHandWrittenEventWithNoEndpointIsAValidDetectionFinding() {
        ObjectNode e = (ObjectNode) Json.parse("""
                {"cefVersion":0,"deviceVendor":"V","deviceProduct":"P","deviceVersion":"1","signatureId":"42",
                 "name":"","severity":"Unknown","extension":{}}""");
        JsonNode json = map(e, Enrichments.none());
        assertTrue(validator.validate(json).valid(), () -> validator.validate(json).toString());
        assertEquals(2004, json.path("class_uid").asInt());
        assertEquals("P event 42", json.at("/finding_info/title").asText());
        assertNull(json.get("evidences"));
        assertEquals(SyslogSamples.context().receivedAt().toEpochMilli(), json.path("time").asLong());
    }

    @Test
    void aLabelThatClashesWithAKeyStaysAsItIs() {
        JsonNode u = SyslogEventMapper.labelled(Json.parse("{\"extension\":{\"cs1\":\"a\",\"cs1Label\":\"msg\",\"msg\":\"m\"}}"));
        assertEquals("a", u.at("/extension/cs1").asText());
        assertEquals("msg", u.at("/extension/cs1Label").asText());
    }
}
