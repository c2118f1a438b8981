package io.protect.score.stage;

import io.protect.model.events.Prediction;

/**
 * {@code heuristic-1}: a hand-calibrated logistic model of the probability that an alert is
 * malicious.
 *
 * <pre>
 * p = 1 / (1 + e^-z)
 * z = -3.0                                     bias: an informational, context-free alert ≈ 5 %
 *   + 3.0 × sev        sev = (severity_id − 1) / 4 clamped to 0..1 (Info 0, Low .25, Medium .5,
 *                                 High .75, Critical/Fatal 1); Unknown counts as Low (.25)
 *   + 2.0 × risk       risk = risk_score / 100
 *   + 1.0 × hits       hits = min(intel_hits, 3) / 3
 *   + 2.5 × rep        rep  = max_reputation / 100
 *   + 0.8 × attack     attack = 1 when any ATT&amp;CK technique is named
 *   + 0.5 × external   the source address is public
 *   + 0.5 × sensitive  the destination port is remote-admin / file-sharing / database (class 4)
 *   + 0.5 × conf       conf = confidence_id / 3 (Unknown 0)
 * label: p ≥ 0.80 malicious, p ≥ 0.40 suspicious, else benign
 * </pre>
 *
 * <p>How it was calibrated: there is no labelled data yet, so the weights are log-odds chosen to
 * put agreed anchor cases where an analyst would: an informational alert with no context ≈ 0.05
 * (bias −3 = logit 0.047); a low-severity internal alert with risk 10 stays benign (≈ 0.11); a
 * high-severity alert from outside with risk 50 is suspicious (≈ 0.68); a high-severity alert whose
 * source matches an intel indicator of reputation 85 with risk 72 is malicious (≈ 0.97); an intel
 * match alone on an informational alert is not enough to be suspicious (≈ 0.37). Severity and
 * reputation weigh most because they are the sensor's and the intel feed's own judgement; context
 * (direction, port, ATT&amp;CK tag, rule confidence) only nudges. Every weight is positive and
 * every feature enters through a non-decreasing transform, so the probability is monotone in each
 * feature; {@code HeuristicModelTest} asserts the anchors, the monotonicity and the bounds. Replace
 * with a trained model (same {@link Model} interface, new version) once analyst verdicts exist.
 */
public final class HeuristicModel implements Model {

    public static final String VERSION = "heuristic-1";

    static final double BIAS = -3.0;
    static final double W_SEVERITY = 3.0;
    static final double W_RISK = 2.0;
    static final double W_INTEL_HITS = 1.0;
    static final double W_REPUTATION = 2.5;
    static final double W_ATTACK = 0.8;
    static final double W_EXTERNAL = 0.5;
    static final double W_SENSITIVE_PORT = 0.5;
    static final double W_CONFIDENCE = 0.5;

    /** Probability at or above which an alert is labelled malicious. */
    public static final double MALICIOUS = 0.80;
    /** Probability at or above which an alert is labelled suspicious. */
    public static final double SUSPICIOUS = 0.40;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Prediction predict(Features f) {
        double p = probability(f);
        return new Prediction(label(p), p, VERSION, f.asMap());
    }

    /** The model's probability for a feature vector. */
    static double probability(Features f) {
        double sev = f.severityId() == 0 ? 0.25 : Math.max(0, Math.min(1, (f.severityId() - 1) / 4.0));
        double z = BIAS
                + W_SEVERITY * sev
                + W_RISK * f.riskScore() / 100.0
                + W_INTEL_HITS * Math.min(f.intelHits(), 3) / 3.0
                + W_REPUTATION * f.maxReputation() / 100.0
                + W_ATTACK * (f.attackTechniques() > 0 ? 1 : 0)
                + W_EXTERNAL * f.srcExternal()
                + W_SENSITIVE_PORT * (f.dstPortClass() == Features.PORT_SENSITIVE ? 1 : 0)
                + W_CONFIDENCE * f.confidenceId() / 3.0;
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** The label of a probability (thresholds above). */
    public static String label(double p) {
        if (p >= MALICIOUS) {
            return "malicious";
        }
        return p >= SUSPICIOUS ? "suspicious" : "benign";
    }
}
