package io.protect.normalize.mapping.guardduty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.model.ocsf.ValidationResult;
import io.protect.normalize.mapping.okta.FieldCoverage;
import io.protect.normalize.mapping.okta.SourceSamples;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real GuardDuty sample finding through GuardDutyMappers → OCSF → the real validator; nothing faked. */
class GuardDutyMappersTest {

    static final List<String> FILES = List.of("panther-guardduty.ndjson", "sekoia-guardduty.ndjson");

    /** archived false/true becomes status New/Archived (asserted by GuardDutyFindingMapperTest). */
    static final Set<String> TRANSFORMED = Set.of("service.archived");

    private final OcsfValidator validator = OcsfValidator.instance();

    static List<SourceSamples.Sample> samples() {
        return SourceSamples.load("guardduty", FILES);
    }

    static JsonNode map(ObjectNode event) {
        return Json.MAPPER.valueToTree(GuardDutyMappers.forEvent(event).map(SourceSamples.enriched(SourceFormat.GUARDDUTY, event), SourceSamples.context()));
    }

    @Test
    void theSamplesHoldEveryFinding() {
        assertEquals(12, samples().size(), "SOURCES.md counts 8 + 4 findings");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyFindingMapsToAValidDetectionFindingAndLosesNothing(SourceSamples.Sample sample) {
        ObjectNode event = sample.event();
        JsonNode ocsf = map(event);
        ValidationResult result = validator.validate(ocsf);
        assertTrue(result.valid(), () -> sample + " → " + result + "\n" + ocsf.toPrettyString());
        assertEquals(2004, ocsf.path("class_uid").asInt());
        assertEquals(200401, ocsf.path("type_uid").asLong());
        assertEquals(event.path("id").asText(), ocsf.path("finding_info").path("uid").asText());
        assertEquals(event.path("type").asText(), ocsf.path("finding_info").path("types").get(0).asText());
        assertEquals(event, Json.parse(ocsf.path("raw_data").asText()), "raw_data is the original finding");
        List<String> lost = FieldCoverage.lost(event, ocsf, TRANSFORMED);
        assertTrue(lost.isEmpty(), () -> sample + " lost " + lost + "\n" + ocsf.toPrettyString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventWithFullEnrichmentIsStillValid(SourceSamples.Sample sample) {
        ObjectNode event = sample.event();
        String ip = "198.51.100.0";
        JsonNode ocsf = Json.MAPPER.valueToTree(GuardDutyMappers.forEvent(event).map(
                SourceSamples.enriched(SourceFormat.GUARDDUTY, event, ip, SourceSamples.enrichment(ip)), SourceSamples.context()));
        ValidationResult result = validator.validate(ocsf);
        assertTrue(result.valid(), () -> sample + " → " + result);
        assertEquals(64, ocsf.path("risk_score").asInt());
        assertTrue(ocsf.path("enrichments").size() >= 3, "intel, asset, user and risk enrichments");
    }
}
