package io.protect.normalize.mapping.cloudtrail;

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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real CloudTrail sample record through CloudTrailMappers → OCSF → the real validator; nothing faked. */
class CloudTrailMappersTest {

    static final List<String> FILES = List.of("panther-cloudtrail.ndjson", "sekoia-cloudtrail.ndjson");
    /** Values the mapper turns into another form, asserted by the unit tests. */
    static final Set<String> TRANSFORMED = Set.of("additionalEventData.MFAUsed");

    private final OcsfValidator validator = OcsfValidator.instance();

    static List<SourceSamples.Sample> samples() {
        return SourceSamples.load("cloudtrail", FILES);
    }

    static JsonNode map(ObjectNode event) {
        return Json.MAPPER.valueToTree(CloudTrailMappers.forEvent(event).map(SourceSamples.enriched(SourceFormat.CLOUDTRAIL, event), SourceSamples.context()));
    }

    @Test
    void theSamplesHoldEveryRecord() {
        assertEquals(128, samples().size(), "SOURCES.md counts 113 + 15 records");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyRecordMapsToItsClassValidAndLosesNothing(SourceSamples.Sample sample) {
        ObjectNode event = sample.event();
        JsonNode ocsf = map(event);
        ValidationResult result = validator.validate(ocsf);
        assertTrue(result.valid(), () -> sample + " → " + result + "\n" + ocsf.toPrettyString());
        int expected = "ConsoleLogin".equals(event.path("eventName").asText()) ? 3002 : 6003;
        assertEquals(expected, ocsf.path("class_uid").asInt(), sample::toString);
        assertEquals(event, Json.parse(ocsf.path("raw_data").asText()), "raw_data is the original record");
        assertEquals(List.of("cloud"), Json.MAPPER.convertValue(ocsf.path("metadata").path("profiles"), List.class));
        assertEquals("AWS", ocsf.path("cloud").path("provider").asText());
        List<String> lost = FieldCoverage.lost(event, ocsf, TRANSFORMED);
        assertTrue(lost.isEmpty(), () -> sample + " lost " + lost + "\n" + ocsf.toPrettyString());
    }

    @Test
    void classesProducedPerEventName() {
        Map<String, String> classes = new TreeMap<>();
        for (SourceSamples.Sample s : samples()) {
            JsonNode o = map(s.event());
            classes.merge(o.path("class_uid").asText() + "/" + o.path("activity_name").asText(), s.event().path("eventName").asText("(insight)"),
                    (a, b) -> a + "," + b);
        }
        classes.forEach((k, v) -> System.out.println("cloudtrail " + k + ": " + v));
        assertTrue(classes.keySet().stream().anyMatch(k -> k.startsWith("3002/Logon")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventWithFullEnrichmentIsStillValid(SourceSamples.Sample sample) {
        ObjectNode event = sample.event();
        String ip = event.path("sourceIPAddress").asText("192.0.2.1");
        JsonNode ocsf = Json.MAPPER.valueToTree(CloudTrailMappers.forEvent(event).map(
                SourceSamples.enriched(SourceFormat.CLOUDTRAIL, event, ip, SourceSamples.enrichment(ip)), SourceSamples.context()));
        ValidationResult result = validator.validate(ocsf);
        assertTrue(result.valid(), () -> sample + " → " + result);
        assertEquals(64, ocsf.path("risk_score").asInt());
        assertTrue(ocsf.path("enrichments").size() >= 3, "intel, asset, user and risk enrichments");
    }
}
