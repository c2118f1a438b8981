package io.protect.enrich;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;

/**
 * The payload of an AlertEnriched 1.0.0 event (security.alerts.enhanced): the alert unchanged, with
 * its context beside it.
 *
 * @param sourceFormat as received
 * @param assetId      as received, else the id of the asset the enrichment found (it keys the record)
 * @param sourceIp     as received, else the alert's source address
 * @param alert        the sensor's alert, unchanged
 * @param enrichment   what was learned about the alert
 */
public record AlertEnriched(String sourceFormat, String assetId, String sourceIp, ObjectNode alert,
        Enrichment enrichment) {

    /**
     * The payload as JSON, as {@code Json.MAPPER} writes it (null fields omitted), with the alert in
     * it as it is rather than copied.
     */
    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        if (sourceFormat != null) {
            json.put("sourceFormat", sourceFormat);
        }
        if (assetId != null) {
            json.put("assetId", assetId);
        }
        if (sourceIp != null) {
            json.put("sourceIp", sourceIp);
        }
        if (alert != null) {
            json.set("alert", alert);
        }
        if (enrichment != null) {
            json.set("enrichment", Json.MAPPER.valueToTree(enrichment));
        }
        return json;
    }
}
