package io.protect.score.stage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numeric features of one alert, as {@link FeatureExtractor} reads them from its OCSF event.
 *
 * @param severityId OCSF severity_id (0 Unknown … 6 Fatal; 99 Other is read as 0)
 * @param riskScore enrich's risk score 0–100 (0 when absent)
 * @param intelHits distinct indicators with a threat-intel match
 * @param maxReputation the highest intel reputation base score 0–100 (0 when none)
 * @param attackTechniques distinct ATT&amp;CK techniques / sub-techniques named
 * @param srcExternal 1 when the source address is public, 0 when internal or unknown
 * @param dstPortClass 0 unknown, 1 ephemeral (≥ 49152), 2 other, 3 web, 4 sensitive (remote admin,
 *     file sharing, databases, container APIs)
 * @param confidenceId OCSF confidence_id (0 Unknown, 1 Low, 2 Medium, 3 High; 99 read as 0)
 */
public record Features(int severityId, int riskScore, int intelHits, double maxReputation, int attackTechniques,
        int srcExternal, int dstPortClass, int confidenceId) {

    /** Port class of remote-administration, file-sharing, database and container-API ports. */
    public static final int PORT_SENSITIVE = 4;

    /** The features by name, as published in the prediction. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("severity_id", (double) severityId);
        m.put("risk_score", (double) riskScore);
        m.put("intel_hits", (double) intelHits);
        m.put("max_reputation", maxReputation);
        m.put("attack_techniques", (double) attackTechniques);
        m.put("src_external", (double) srcExternal);
        m.put("dst_port_class", (double) dstPortClass);
        m.put("confidence_id", (double) confidenceId);
        return Collections.unmodifiableMap(m);
    }
}
