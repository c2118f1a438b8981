package io.protect.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;

/**
 * The payload score produces (AlertScored 1.0.0): the OCSF alert with its prediction; asset and
 * source IP are carried forward because they choose the partition key.
 *
 * @param assetId the asset, when known
 * @param sourceIp the source IP, when known
 * @param prediction the model's verdict
 * @param ocsf the OCSF event, unchanged
 */
public record AlertScored(String assetId, String sourceIp, Prediction prediction, JsonNode ocsf) {

    /**
     * The payload as JSON, as {@code Json.MAPPER} writes it (null fields omitted), with the OCSF
     * event in it as it is rather than copied: it is the bulk of every scored alert.
     */
    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        if (assetId != null) {
            json.put("assetId", assetId);
        }
        if (sourceIp != null) {
            json.put("sourceIp", sourceIp);
        }
        if (prediction != null) {
            json.set("prediction", Json.MAPPER.valueToTree(prediction));
        }
        if (ocsf != null) {
            json.set("ocsf", ocsf);
        }
        return json;
    }
}
