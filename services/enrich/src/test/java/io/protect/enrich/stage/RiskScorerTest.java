package io.protect.enrich.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.protect.model.events.AssetContext;
import io.protect.model.events.IntelHit;
import io.protect.model.events.RiskAssessment;
import io.protect.enrich.Severity;
import io.protect.model.events.UserContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The risk formula, as documented on {@link RiskScorer}. Real: everything (a pure function). */
class RiskScorerTest {

    private static IntelHit hit(int confidence) {
        return new IntelHit("198.51.100.7", "ip", "c2", confidence, "test", "198.51.100.7");
    }

    private static Map<String, Double> factors(RiskAssessment r) {
        return r.factors().stream().collect(Collectors.toMap(RiskAssessment.Factor::name, RiskAssessment.Factor::contribution));
    }

    @Test
    void severityAloneIsItsPoints() {
        assertEquals(32, RiskScorer.score(Severity.HIGH, List.of(), Optional.empty(), Optional.empty()).score());
        assertEquals(20, RiskScorer.score(Severity.MEDIUM, List.of(), Optional.empty(), Optional.empty()).score());
        assertEquals(8, RiskScorer.score(Severity.LOW, List.of(), Optional.empty(), Optional.empty()).score());
        assertEquals(40, RiskScorer.score(Severity.CRITICAL, List.of(), Optional.empty(), Optional.empty()).score());
    }

    @Test
    void nothingKnownScoresZeroWithNoFactors() {
        RiskAssessment r = RiskScorer.score(null, List.of(), Optional.empty(), Optional.empty());
        assertEquals(0, r.score());
        assertTrue(r.factors().isEmpty());
    }

    @Test
    void intelUsesTheHighestConfidence() {
        RiskAssessment r = RiskScorer.score(Severity.MEDIUM, List.of(hit(40), hit(80), hit(60)), Optional.empty(), Optional.empty());
        assertEquals(28.0, factors(r).get("intel")); // 0.35 x 80
        assertEquals(48, r.score());
    }

    @Test
    void assetAndUserAddTheirFactorsAndContributionsSumToTheScore() {
        AssetContext asset = new AssetContext("a1", "192.168.0.2", "web01", 5, "ops", "production");
        UserContext user = new UserContext("u1", "jdoe", "it", 60, false);
        RiskAssessment r = RiskScorer.score(Severity.MEDIUM, List.of(hit(80)), Optional.of(asset), Optional.of(user));
        Map<String, Double> f = factors(r);
        assertEquals(20.0, f.get("severity"));
        assertEquals(28.0, f.get("intel"));
        assertEquals(15.0, f.get("asset.criticality"));
        assertEquals(6.0, f.get("user.risk"));
        assertEquals(69, r.score());
        assertEquals(r.score(), f.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    @Test
    void aPrivilegedUserAddsFivePoints() {
        UserContext user = new UserContext("u2", "admin", "it", 0, true);
        RiskAssessment r = RiskScorer.score(Severity.LOW, List.of(), Optional.empty(), Optional.of(user));
        assertEquals(5.0, factors(r).get("user.privileged"));
        assertEquals(13, r.score());
    }

    @Test
    void theScoreIsClampedAt100ButTheFactorsKeepTheirFullContribution() {
        AssetContext asset = new AssetContext("a1", "10.0.0.1", "dc01", 5, "ops", "production");
        UserContext user = new UserContext("u2", "admin", "it", 100, true);
        RiskAssessment r = RiskScorer.score(Severity.CRITICAL, List.of(hit(100)), Optional.of(asset), Optional.of(user));
        assertEquals(100, r.score());
        assertEquals(105.0, r.factors().stream().mapToDouble(RiskAssessment.Factor::contribution).sum());
    }

    @Test
    void outOfRangeInputsAreBounded() {
        AssetContext asset = new AssetContext("a1", "10.0.0.1", "x", 9, null, null);
        RiskAssessment r = RiskScorer.score(null, List.of(hit(250)), Optional.of(asset), Optional.empty());
        assertEquals(35.0, factors(r).get("intel"));
        assertEquals(15.0, factors(r).get("asset.criticality"));
    }

    @Test
    void roundingIsHalfUpWithoutFloatingPointSurprises() {
        // 0.35 x 90 = 31.5 exactly: 32, although 0.35 * 90 in doubles is 31.499999...
        RiskAssessment r = RiskScorer.score(null, List.of(hit(90)), Optional.empty(), Optional.empty());
        assertEquals(32.0, factors(r).get("intel"));
        UserContext user = new UserContext("u1", "jdoe", "it", 45, false);
        assertEquals(5.0, factors(RiskScorer.score(null, List.of(), Optional.empty(), Optional.of(user))).get("user.risk"));
    }
}
