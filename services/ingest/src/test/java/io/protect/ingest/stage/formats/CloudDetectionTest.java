package io.protect.ingest.stage.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OktaDetection, CloudTrailDetection and GuardDutyDetection over every real sample of the three
 * sources and the Suricata ingest samples: each detector claims exactly its own source. Pure.
 */
class CloudDetectionTest {

    static final Map<String, List<String>> FILES = Map.of(
            "okta", List.of("ocsf-examples-okta-system-log.ndjson", "panther-okta-system-log.ndjson", "sekoia-okta-system-log.ndjson"),
            "cloudtrail", List.of("panther-cloudtrail.ndjson", "sekoia-cloudtrail.ndjson"),
            "guardduty", List.of("panther-guardduty.ndjson", "sekoia-guardduty.ndjson"),
            "suricata", List.of("wrccdc-2017-alerts-40.ndjson"));

    static final Map<String, Predicate<JsonNode>> DETECTORS = Map.of(
            "okta", OktaDetection::matches,
            "cloudtrail", CloudTrailDetection::matches,
            "guardduty", GuardDutyDetection::matches);

    static List<JsonNode> lines(String resource) {
        try (InputStream in = CloudDetectionTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).map(Json::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> samples() {
        List<Arguments> out = new ArrayList<>();
        FILES.forEach((source, files) -> files.forEach(file -> {
            List<JsonNode> events = lines("/samples/" + source + "/" + file);
            for (int i = 0; i < events.size(); i++) {
                out.add(Arguments.of(source, file + ":" + (i + 1), events.get(i)));
            }
        }));
        return out.stream();
    }

    @Test
    void theSamplesHoldEveryEvent() {
        assertEquals(33 + 128 + 12 + 40, samples().count());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samples")
    void eachDetectorClaimsExactlyItsOwnSource(String source, String where, JsonNode event) {
        DETECTORS.forEach((name, detector) -> assertEquals(name.equals(source), detector.test(event),
                () -> name + " on " + source + " " + where));
    }

    @Test
    void detectorsRejectNonObjectsAndNearMisses() {
        for (Predicate<JsonNode> d : DETECTORS.values()) {
            assertFalse(d.test(null));
            assertFalse(d.test(Json.parse("[]")));
            assertFalse(d.test(Json.parse("\"x\"")));
            assertFalse(d.test(Json.parse("{}")));
        }
        // An Okta event without actor, a CloudTrail record without awsRegion, a finding without service.
        assertFalse(OktaDetection.matches(Json.parse("{\"eventType\":\"user.session.start\",\"uuid\":\"u\",\"published\":\"p\"}")));
        assertFalse(CloudTrailDetection.matches(Json.parse("{\"eventVersion\":\"1.08\",\"eventTime\":\"t\",\"eventType\":\"AwsApiCall\"}")));
        assertFalse(CloudTrailDetection.matches(Json.parse("{\"eventVersion\":\"1.08\",\"eventTime\":\"t\",\"awsRegion\":\"r\",\"eventType\":\"login\"}")));
        assertFalse(GuardDutyDetection.matches(Json.parse("{\"schemaVersion\":\"2.0\",\"id\":\"i\",\"type\":\"t\",\"severity\":5}")));
        assertTrue(GuardDutyDetection.matches(Json.parse("{\"schemaVersion\":\"2.0\",\"id\":\"i\",\"type\":\"t\",\"severity\":\"5.5\",\"service\":{}}")));
    }

    @Test
    void cloudTrailLogFilesAreSplitIntoTheirRecords() {
        List<JsonNode> records = lines("/samples/cloudtrail/sekoia-cloudtrail.ndjson");
        JsonNode file = Json.MAPPER.createObjectNode().set("Records", Json.MAPPER.valueToTree(records));
        List<JsonNode> split = CloudTrailRecords.split(file);
        assertEquals(records, split);
        assertTrue(split.stream().allMatch(CloudTrailDetection::matches));
        // A JSON array of files, and an empty file.
        assertEquals(records.size() * 2, CloudTrailRecords.split(Json.MAPPER.createArrayNode().add(file).add(file)).size());
        assertEquals(0, CloudTrailRecords.split(Json.parse("{\"Records\":[]}")).size());
    }

    @Test
    void eventBridgeEventsGiveTheirDetailAndOtherJsonStaysWhole() {
        JsonNode finding = lines("/samples/guardduty/sekoia-guardduty.ndjson").get(0);
        JsonNode bridge = Json.MAPPER.createObjectNode().put("detail-type", "GuardDuty Finding").put("source", "aws.guardduty")
                .set("detail", finding);
        assertEquals(List.of(finding), CloudTrailRecords.split(bridge));
        JsonNode record = lines("/samples/cloudtrail/panther-cloudtrail.ndjson").get(0);
        assertSame(record, CloudTrailRecords.split(record).get(0));
        JsonNode other = Json.parse("{\"detail-type\":\"x\",\"detail\":{\"a\":1}}");
        assertEquals(List.of(other), CloudTrailRecords.split(other));
        assertEquals(0, CloudTrailRecords.split(null).size());
    }
}
