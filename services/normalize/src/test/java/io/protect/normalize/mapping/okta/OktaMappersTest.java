package io.protect.normalize.mapping.okta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.model.ocsf.ValidationResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real Okta System Log sample through OktaMappers → OCSF → the real validator; nothing faked. */
class OktaMappersTest {

    static final List<String> FILES = List.of("ocsf-examples-okta-system-log.ndjson",
            "panther-okta-system-log.ndjson", "sekoia-okta-system-log.ndjson");

    private final OcsfValidator validator = OcsfValidator.instance();

    static List<SourceSamples.Sample> samples() {
        return SourceSamples.load("okta", FILES);
    }

    /** The class each sampled eventType must map to. */
    static int expectedClass(String eventType) {
        return switch (eventType) {
            case "user.session.start", "user.authentication.sso", "user.authentication.auth_via_IDP",
                    "user.authentication.auth_via_mfa", "system.push.send_factor_verify_push" -> 3002;
            case "user.account.lock", "user.account.reset_password", "user.account.update_password",
                    "user.account.privilege.grant" -> 3001;
            default -> 6003;
        };
    }

    static JsonNode map(ObjectNode event) {
        return Json.MAPPER.valueToTree(OktaMappers.forEvent(event).map(SourceSamples.enriched(SourceFormat.OKTA, event), SourceSamples.context()));
    }

    @Test
    void theSamplesHoldEveryEvent() {
        assertEquals(33, samples().size(), "SOURCES.md counts 6 + 17 + 10 events");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventMapsToItsClassValidAndLosesNothing(SourceSamples.Sample sample) {
        ObjectNode event = sample.event();
        JsonNode ocsf = map(event);
        ValidationResult result = validator.validate(ocsf);
        assertTrue(result.valid(), () -> sample + " → " + result + "\n" + ocsf.toPrettyString());
        assertEquals(expectedClass(event.path("eventType").asText()), ocsf.path("class_uid").asInt(), sample::toString);
        assertEquals(event, Json.parse(ocsf.path("raw_data").asText()), "raw_data is the original event");
        List<String> lost = FieldCoverage.lost(event, ocsf, Set.of());
        assertTrue(lost.isEmpty(), () -> sample + " lost " + lost + "\n" + ocsf.toPrettyString());
    }

    @Test
    void classesProducedPerEventType() {
        Map<String, Integer> classes = new TreeMap<>();
        for (SourceSamples.Sample s : samples()) {
            classes.put(s.event().path("eventType").asText(), map(s.event()).path("class_uid").asInt());
        }
        System.out.println("okta classes by eventType: " + classes);
        assertEquals(16, classes.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventWithFullEnrichmentIsStillValid(SourceSamples.Sample sample) {
        ObjectNode event = sample.event();
        String ip = event.path("client").path("ipAddress").asText("192.0.2.1");
        JsonNode ocsf = Json.MAPPER.valueToTree(OktaMappers.forEvent(event).map(
                SourceSamples.enriched(SourceFormat.OKTA, event, ip, SourceSamples.enrichment(ip)), SourceSamples.context()));
        ValidationResult result = validator.validate(ocsf);
        assertTrue(result.valid(), () -> sample + " → " + result);
        assertEquals(64, ocsf.path("risk_score").asInt());
        assertTrue(ocsf.path("enrichments").size() >= 3, "intel, asset, user and risk enrichments");
    }
}
