package io.protect.normalize;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The payload normalize produces (AlertNormalized 1.0.0): the alert as a validated OCSF event, with
 * the asset and source IP carried forward because they choose the partition key downstream.
 *
 * @param sourceFormat the format the alert arrived in
 * @param assetId the asset, when known
 * @param sourceIp the source IP, when known
 * @param ocsfVersion the OCSF schema version the event was validated against
 * @param ocsf the OCSF event
 */
public record AlertNormalized(String sourceFormat, String assetId, String sourceIp, String ocsfVersion, JsonNode ocsf) {
}
