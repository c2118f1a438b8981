package io.protect.score;

import com.fasterxml.jackson.databind.JsonNode;

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
}
