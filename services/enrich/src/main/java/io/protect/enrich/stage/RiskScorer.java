package io.protect.enrich.stage;

import io.protect.model.events.AssetContext;
import io.protect.model.events.IntelHit;
import io.protect.model.events.RiskAssessment;
import io.protect.model.events.RiskAssessment.Factor;
import io.protect.enrich.Severity;
import io.protect.model.events.UserContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The risk score of an alert, 0-100, as the sum of whole-point factors, clamped:
 *
 * <pre>
 *   severity          CRITICAL 40, HIGH 32, MEDIUM 20, LOW 8, INFO 0      (0..40)
 *   intel             round(0.35 x highest confidence of the intel hits)  (0..35)
 *   asset.criticality 3 x the asset's criticality 1..5                     (3..15)
 *   user.risk         round(0.10 x the user's risk score 0..100)           (0..10)
 *   user.privileged   5 when the user's account is privileged              (0 or 5)
 *   score             min(100, sum of the contributions)
 * </pre>
 *
 * A factor whose input is unknown (no severity, no hits, no asset, no user) is left out of the
 * list rather than recorded as zero. The weights put what the alert itself says (severity) and
 * what the world knows about its endpoints (intel) first; context about the tenant's own asset and
 * user raises it. Contributions are whole points (rounded half up, in integer arithmetic so that
 * 0.35 x 90 is 32, not 31) and so add up exactly to the unclamped score.
 */
public final class RiskScorer {

    public static final int MAX_SCORE = 100;

    private RiskScorer() {
    }

    public static RiskAssessment score(Severity severity, List<IntelHit> intel, Optional<AssetContext> asset,
            Optional<UserContext> user) {
        List<Factor> factors = new ArrayList<>();
        if (severity != null) {
            factors.add(new Factor("severity", severityPoints(severity)));
        }
        intel.stream().mapToInt(IntelHit::confidence).max()
                .ifPresent(confidence -> factors.add(new Factor("intel", percentOf(35, confidence))));
        asset.ifPresent(a -> factors.add(new Factor("asset.criticality", 3 * Math.max(1, Math.min(5, a.criticality())))));
        user.ifPresent(u -> {
            factors.add(new Factor("user.risk", percentOf(10, u.riskScore())));
            if (u.privileged()) {
                factors.add(new Factor("user.privileged", 5));
            }
        });
        double sum = factors.stream().mapToDouble(Factor::contribution).sum();
        return new RiskAssessment((int) Math.max(0, Math.min(MAX_SCORE, Math.round(sum))), List.copyOf(factors));
    }

    static int severityPoints(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 40;
            case HIGH -> 32;
            case MEDIUM -> 20;
            case LOW -> 8;
            case INFO -> 0;
        };
    }

    /** weight% of a 0..100 value, rounded half up. */
    private static int percentOf(int weight, int value) {
        return (weight * clamp(value) + 50) / 100;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(100, value));
    }
}
