package io.protect.score.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import org.junit.jupiter.api.Test;

/** FeatureExtractor on a real Suricata alert as normalize maps it and on real OCSF examples; nothing faked. */
class FeatureExtractorTest {

    private final FeatureExtractor extractor = new FeatureExtractor();

    @Test
    void featuresOfANormalizedSuricataAlert() {
        Features f = extractor.extract(Samples.suricataFinding());
        assertEquals(3, f.severityId()); // Suricata priority 2 → Medium
        assertEquals(72, f.riskScore());
        assertEquals(2, f.intelHits()); // the scanner's address and a domain
        assertEquals(85.0, f.maxReputation());
        assertEquals(0, f.attackTechniques());
        assertEquals(1, f.srcExternal()); // 222.186.56.46
        assertEquals(Features.PORT_SENSITIVE, f.dstPortClass()); // ssh
        assertEquals(0, f.confidenceId());
        assertEquals(8, f.asMap().size());
    }

    @Test
    void attackTechniquesAreCountedOnceAcrossBothPlaces() {
        ObjectNode event = Samples.suricataFinding();
        JsonNode attacks = Json.parse("""
                [{"technique": {"uid": "T1595"}, "tactic": {"uid": "TA0043"}},
                 {"technique": {"uid": "T1595"}, "sub_technique": {"uid": "T1595.002"}}]""");
        event.set("attacks", attacks);
        ((ObjectNode) event.get("finding_info")).set("attacks", attacks);
        assertEquals(2, extractor.extract(event).attackTechniques());
    }

    @Test
    void internalSourceUnknownValuesAndTopLevelEndpoints() {
        JsonNode flow = Json.parse("""
                {"class_uid": 4001, "severity_id": 99, "confidence_id": 99,
                 "src_endpoint": {"ip": "10.1.2.3"}, "dst_endpoint": {"ip": "8.8.8.8", "port": 53000}}""");
        Features f = extractor.extract(flow);
        assertEquals(0, f.severityId());
        assertEquals(0, f.confidenceId());
        assertEquals(0, f.srcExternal());
        assertEquals(1, f.dstPortClass());
        assertEquals(0, f.riskScore());
    }

    @Test
    void portClasses() {
        assertEquals(0, FeatureExtractor.portClass(Json.parse("null")));
        assertEquals(3, FeatureExtractor.portClass(Json.parse("443")));
        assertEquals(4, FeatureExtractor.portClass(Json.parse("3389")));
        assertEquals(2, FeatureExtractor.portClass(Json.parse("8082")));
        assertEquals(1, FeatureExtractor.portClass(Json.parse("60000")));
    }

    @Test
    void everyRealOcsfExampleYieldsFeaturesAndABoundedScore() {
        HeuristicModel model = new HeuristicModel();
        assertEquals(43, Samples.ocsfExamples().size());
        for (JsonNode event : Samples.ocsfExamples()) {
            Features f = extractor.extract(event);
            double p = model.predict(f).probability();
            assertTrue(p > 0 && p < 1, event.path("class_uid") + " → " + p);
            assertTrue(f.severityId() >= 0 && f.severityId() <= 6);
        }
    }
}
