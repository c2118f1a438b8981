package io.protect.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The payload normalize consumes (AlertEnriched 1.0.0): the sensor's alert as sent and the context
 * enrich added. Only {@code sourceFormat} and {@code alert} are relied on; every part of the
 * enrichment is optional here, so a newer or partial enrichment never stops normalization.
 *
 * @param sourceFormat the detected format, e.g. {@code suricata} or {@code generic}
 * @param assetId the asset the alert is about, when known
 * @param sourceIp the alert's source IP as ingest found it, when known
 * @param alert the raw sensor JSON object
 * @param enrichment the enrichment object, or a missing node
 */
public record AlertEnriched(String sourceFormat, String assetId, String sourceIp, JsonNode alert, JsonNode enrichment) {

    /** Reads the payload of an AlertEnriched envelope; an alert that is not a JSON object is rejected. */
    public static AlertEnriched from(JsonNode data) {
        JsonNode alert = data.path("alert");
        if (!alert.isObject()) {
            throw new IllegalArgumentException("AlertEnriched.alert must be a JSON object, got " + alert.getNodeType());
        }
        JsonNode enrichment = data.path("enrichment");
        return new AlertEnriched(text(data, "sourceFormat", "generic"), text(data, "assetId", null),
                text(data, "sourceIp", null), alert, enrichment.isObject() ? enrichment : MissingNode.getInstance());
    }

    private static String text(JsonNode data, String field, String fallback) {
        JsonNode v = data.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : fallback;
    }
}
