package io.protect.score.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.protect.model.events.Prediction;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** HeuristicModel's calibration anchors, monotonicity and bounds; pure, nothing faked. */
class HeuristicModelTest {

    private final HeuristicModel model = new HeuristicModel();

    private static Features features(int severity, int risk, int hits, double reputation, int attacks, int external,
            int portClass, int confidence) {
        return new Features(severity, risk, hits, reputation, attacks, external, portClass, confidence);
    }

    @Test
    void calibrationAnchors() {
        // Informational, no context.
        assertEquals(0.047, HeuristicModel.probability(features(1, 0, 0, 0, 0, 0, 0, 0)), 0.001);
        // Low, internal, risk 10: benign.
        Prediction low = model.predict(features(2, 10, 0, 0, 0, 0, 2, 0));
        assertEquals(0.114, low.probability(), 0.001);
        assertEquals("benign", low.label());
        // High from outside, risk 50: suspicious.
        Prediction high = model.predict(features(4, 50, 0, 0, 0, 1, 2, 0));
        assertEquals(0.679, high.probability(), 0.001);
        assertEquals("suspicious", high.label());
        // High from an intel-listed source (reputation 85), risk 72: malicious.
        Prediction intel = model.predict(features(4, 72, 1, 85, 0, 1, 2, 0));
        assertEquals(0.975, intel.probability(), 0.001);
        assertEquals("malicious", intel.label());
        // An intel match alone on an informational alert is not yet suspicious.
        assertEquals("benign", model.predict(features(1, 0, 1, 85, 0, 0, 0, 0)).label());
    }

    @Test
    void theRealNormalizedSuricataAlertIsMalicious() {
        // Medium SSH scan from a Chinanet address listed by intel (reputation 85) against an ssh server, risk 72.
        Prediction p = model.predict(new FeatureExtractor().extract(Samples.suricataFinding()));
        assertEquals("malicious", p.label());
        assertEquals("heuristic-1", p.modelVersion());
        assertEquals(85.0, p.features().get("max_reputation"));
    }

    @Test
    void probabilityIsMonotoneInEveryFeature() {
        Features base = features(2, 20, 0, 0, 0, 0, 2, 1);
        List<UnaryOperator<Features>> increases = List.of(
                f -> features(f.severityId() + 1, f.riskScore(), f.intelHits(), f.maxReputation(), f.attackTechniques(), f.srcExternal(), f.dstPortClass(), f.confidenceId()),
                f -> features(f.severityId(), f.riskScore() + 10, f.intelHits(), f.maxReputation(), f.attackTechniques(), f.srcExternal(), f.dstPortClass(), f.confidenceId()),
                f -> features(f.severityId(), f.riskScore(), f.intelHits() + 1, f.maxReputation(), f.attackTechniques(), f.srcExternal(), f.dstPortClass(), f.confidenceId()),
                f -> features(f.severityId(), f.riskScore(), f.intelHits(), f.maxReputation() + 10, f.attackTechniques(), f.srcExternal(), f.dstPortClass(), f.confidenceId()),
                f -> features(f.severityId(), f.riskScore(), f.intelHits(), f.maxReputation(), f.attackTechniques() + 1, f.srcExternal(), f.dstPortClass(), f.confidenceId()),
                f -> features(f.severityId(), f.riskScore(), f.intelHits(), f.maxReputation(), f.attackTechniques(), 1, f.dstPortClass(), f.confidenceId()),
                f -> features(f.severityId(), f.riskScore(), f.intelHits(), f.maxReputation(), f.attackTechniques(), f.srcExternal(), Features.PORT_SENSITIVE, f.confidenceId()),
                f -> features(f.severityId(), f.riskScore(), f.intelHits(), f.maxReputation(), f.attackTechniques(), f.srcExternal(), f.dstPortClass(), f.confidenceId() + 1));
        for (int i = 0; i < increases.size(); i++) {
            Features before = base;
            // Step each feature up several times from the base: never down, and strictly up at first.
            for (int step = 0; step < 3; step++) {
                Features after = increases.get(i).apply(before);
                double p0 = HeuristicModel.probability(before);
                double p1 = HeuristicModel.probability(after);
                assertTrue(p1 >= p0, "feature " + i + " step " + step + ": " + p0 + " → " + p1);
                if (step == 0) {
                    assertTrue(p1 > p0, "feature " + i + " has an effect");
                }
                before = after;
            }
        }
        // Severity from Informational to Critical, step by step.
        double last = 0;
        for (int s = 1; s <= 5; s++) {
            double p = HeuristicModel.probability(features(s, 0, 0, 0, 0, 0, 0, 0));
            assertTrue(p > last);
            last = p;
        }
    }

    @Test
    void probabilityStaysWithinBounds() {
        double min = HeuristicModel.probability(features(0, 0, 0, 0, 0, 0, 0, 0));
        double max = HeuristicModel.probability(features(6, 100, 50, 100, 20, 1, 4, 3));
        assertTrue(min > 0 && min < 0.1, "min " + min);
        assertTrue(max < 1 && max > 0.99, "max " + max);
        // Out-of-range inputs cannot push it outside (0, 1) either.
        double wild = HeuristicModel.probability(features(99, 1000, 1000, 1000, 1000, 1, 4, 99));
        assertTrue(wild > 0 && wild <= 1);
    }

    @Test
    void labelThresholds() {
        assertEquals("benign", HeuristicModel.label(0.3999));
        assertEquals("suspicious", HeuristicModel.label(0.40));
        assertEquals("suspicious", HeuristicModel.label(0.7999));
        assertEquals("malicious", HeuristicModel.label(0.80));
    }
}
