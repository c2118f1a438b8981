package io.protect.model.events;

import java.util.List;
import java.util.Map;

/**
 * The context added to an alert. A lookup that failed is named in {@code missing} and makes the
 * enrichment {@code partial}; a lookup that simply found nothing is not missing.
 *
 * @param partial true when at least one lookup failed and its fallback was used
 * @param missing the lookups that failed ("asset", "user", ...)
 * @param geo     location and network of the alert's public addresses, by role ("source", "destination")
 * @param intel   threat intelligence indicators the alert matched
 * @param user    the user the alert names, when known to the tenant's directory
 * @param asset   the tenant's asset the alert concerns, when known
 * @param risk    the risk score and how it was reached
 */
public record Enrichment(boolean partial, List<String> missing, Map<String, GeoLocation> geo, List<IntelHit> intel,
        UserContext user, AssetContext asset, RiskAssessment risk) {

    /** This as JSON, as every AlertEnriched payload writes it. */
    public com.fasterxml.jackson.databind.JsonNode toJson() {
        return EnrichmentCodec.tree(g -> EnrichmentCodec.write(this, g));
    }

    /**
     * Reads an enrichment object given as JSON (a test fixture, a tool): the same reader as the wire's,
     * so it accepts exactly what the AlertEnriched schema describes.
     */
    public static Enrichment fromJson(com.fasterxml.jackson.databind.JsonNode json) {
        return EnrichmentCodec.fromTree(json);
    }
}
