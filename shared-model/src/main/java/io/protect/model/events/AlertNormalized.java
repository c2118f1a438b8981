package io.protect.model.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The payload of an AlertNormalized event (security.alerts.ocsf.ready and the domain topics): the
 * alert as a validated OCSF event, produced by normalize and consumed by score and store. Asset
 * and source IP are carried forward because they choose the partition key downstream.
 *
 * @param sourceFormat the format the alert arrived in
 * @param assetId the asset, when known
 * @param sourceIp the source IP, when known
 * @param ocsfVersion the OCSF schema version the event was validated against
 * @param ocsf the OCSF event
 */
public record AlertNormalized(String sourceFormat, String assetId, String sourceIp, String ocsfVersion, JsonNode ocsf) {

    /**
     * The payload as JSON, as {@code Json.MAPPER} writes it (null fields omitted), with the OCSF
     * event in it as it is rather than copied: it is the bulk of every normalized alert.
     */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        putIfPresent(json, "sourceFormat", sourceFormat);
        putIfPresent(json, "assetId", assetId);
        putIfPresent(json, "sourceIp", sourceIp);
        putIfPresent(json, "ocsfVersion", ocsfVersion);
        if (ocsf != null) {
            json.set("ocsf", ocsf);
        }
        return json;
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    /** Reads the payload of an AlertNormalized envelope; an event that is not a JSON object is rejected. */
    public static AlertNormalized from(JsonNode data) {
        JsonNode ocsf = data.path("ocsf");
        if (!ocsf.isObject()) {
            throw new IllegalArgumentException("AlertNormalized.ocsf must be a JSON object, got " + ocsf.getNodeType());
        }
        return new AlertNormalized(text(data, "sourceFormat"), text(data, "assetId"), text(data, "sourceIp"),
                text(data, "ocsfVersion"), ocsf);
    }

    private static String text(JsonNode data, String field) {
        JsonNode v = data.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
