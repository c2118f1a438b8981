package io.protect.model.events;

import java.util.List;

/**
 * An alert's risk score and the factors it is made of.
 *
 * @param score   0-100: the sum of the factors' contributions, clamped
 * @param factors what contributed, in the order they were added
 */
public record RiskAssessment(int score, List<Factor> factors) {

    /** One named contribution to the score, in points. */
    public record Factor(String name, double contribution) {
    }

    /** This as JSON, as every AlertEnriched payload writes it. */
    public com.fasterxml.jackson.databind.JsonNode toJson() {
        return EnrichmentCodec.tree(g -> EnrichmentCodec.write(this, g));
    }
}
