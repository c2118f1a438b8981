package io.protect.normalize.mapping.leef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.model.ocsf.ValidationResult;
import io.protect.normalize.mapping.Enrichments;
import io.protect.normalize.mapping.cef.LosslessCheck;
import io.protect.normalize.mapping.cef.SyslogEventMapper;
import io.protect.normalize.mapping.cef.SyslogSamples;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** LeefMappers on every real LEEF sample (as ingest's LeefParser parses it); real OCSF validator, nothing faked. */
class LeefMappersTest {

    static final Set<String> TRANSFORMED = Set.of("extension.devTime", "extension.devTimeFormat", "extension.sev",
            "extension.disp", "extension.action", "extension.act", "syslog.timestamp");

    private final OcsfValidator validator = OcsfValidator.instance();

    static Stream<SyslogSamples.Sample> samples() {
        return SyslogSamples.parsed("leef").stream();
    }

    static JsonNode map(ObjectNode event) {
        return Json.MAPPER.valueToTree(LeefMappers.forEvent(event)
                .map(SyslogSamples.enriched(SourceFormat.LEEF, event, Enrichments.none()), SyslogSamples.context()));
    }

    @Test
    void theParsedSamplesHoldEveryLine() {
        assertEquals(27, SyslogSamples.parsed("leef").size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleMapsToAValidEventOfItsClassLosingNoField(SyslogSamples.Sample s) {
        JsonNode json = map(s.event());
        ValidationResult result = validator.validate(json);
        assertTrue(result.valid(), () -> s + " → " + result + "\n" + json.toPrettyString());
        assertEquals(switch (SyslogEventMapper.kind(s.event(), LeefMappers.DIALECT)) {
            case AUTHENTICATION -> 3002;
            case NETWORK_ACTIVITY -> 4001;
            case DETECTION_FINDING -> 2004;
        }, json.path("class_uid").asInt());
        assertEquals(s.event().path("deviceProduct").asText(), json.at("/metadata/product/name").asText());
        assertEquals("leef", json.at("/metadata/log_name").asText());
        List<String> lost = LosslessCheck.lost(s.event(), json, TRANSFORMED);
        assertTrue(lost.isEmpty(), () -> s + " lost " + lost + "\n" + json.toPrettyString());
    }

    @Test
    void watchGuardTrafficIsNetworkActivityWithItsOwnTimeFormat() {
        ObjectNode e = SyslogSamples.find("leef", "\"devTime\":\"Sep 23 2022 09:51:24 +0200\"");
        JsonNode json = map(e);
        assertEquals(4001, json.path("class_uid").asInt());
        assertEquals(Instant.parse("2022-09-23T07:51:24Z").toEpochMilli(), json.path("time").asLong());
        assertEquals(120, json.path("timezone_offset").asInt());
        assertEquals(46416, json.at("/src_endpoint/port").asInt());
        assertEquals(443, json.at("/dst_endpoint/port").asInt());
        assertEquals(1, json.path("action_id").asInt(), "disp=Allow");
        assertEquals("SystemName", json.at("/unmapped/extension/sys_name").asText());
    }

    @Test
    void watchGuardDenyIsRefused() {
        JsonNode json = map(SyslogSamples.find("leef", "\"geo_src\":\"CHN\""));
        assertEquals(4001, json.path("class_uid").asInt());
        assertEquals(5, json.path("activity_id").asInt());
        assertEquals(2, json.path("action_id").asInt());
    }

    @Test
    void cyberArkLogonIsAnAuthentication() {
        JsonNode json = map(SyslogSamples.find("leef", "\"Action\":\"Logon\""));
        assertEquals(3002, json.path("class_uid").asInt());
        assertEquals(1, json.path("activity_id").asInt());
        assertEquals("USER_XXXX", json.at("/user/name").asText());
        assertEquals("USER_XXXX", json.at("/actor/user/name").asText());
        assertEquals(3, json.path("severity_id").asInt(), "sev=6 is Medium");
    }

    @Test
    void trendMicroSeverityPollutedBySpacesStaysUnmapped() {
        JsonNode json = map(SyslogSamples.find("leef", "HEU_AEGIS_CRYPT"));
        assertEquals(2004, json.path("class_uid").asInt());
        assertEquals(0, json.path("severity_id").asInt());
        assertEquals("6 cn1=241 cn1Label=Host ID", json.at("/unmapped/extension/sev").asText());
        assertEquals("HEU_AEGIS_CRYPT", json.at("/finding_info/title").asText());
        assertEquals("Anti-Malware", json.at("/finding_info/types/0").asText());
    }

    @Test
    void arubaSpaceSeparatedEventWithZoneAbbreviation() {
        JsonNode json = map(SyslogSamples.find("leef", "ClearPass"));
        assertEquals(Instant.parse("2025-05-01T16:00:02.009Z").toEpochMilli(), json.path("time").asLong());
        assertEquals("System Events", json.at("/finding_info/types/0").asText());
    }

    @Test
    void leefSeverityScale() {
        JsonNode low = map(SyslogSamples.find("leef", "Deep Security Manager"));
        assertEquals(2, low.path("severity_id").asInt(), "sev=3 is Low");
    }
}
