package io.protect.model.events;

/**
 * A tenant's asset as the asset inventory (table enrich.assets) knows it.
 *
 * @param assetId     the tenant's id of the asset
 * @param ip          its address
 * @param hostname    its host name
 * @param criticality 1 (least) to 5 (most critical to the business)
 * @param owner       who is responsible for it
 * @param environment production, staging, lab, ...
 */
public record AssetContext(String assetId, String ip, String hostname, int criticality, String owner,
        String environment) {

    /** This as JSON, as every AlertEnriched payload writes it. */
    public com.fasterxml.jackson.databind.JsonNode toJson() {
        return EnrichmentCodec.tree(g -> EnrichmentCodec.write(this, g));
    }
}
