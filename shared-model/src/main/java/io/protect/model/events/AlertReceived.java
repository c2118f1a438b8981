package io.protect.model.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The payload of an AlertReceived event (security.alerts.raw): the sensor's alert as ingest
 * accepted it, produced by ingest and consumed by enrich.
 *
 * @param sourceFormat the sensor's format: suricata, zeek, windows, cef, generic, ...
 * @param assetId      the asset the alert is about, when ingest knew it
 * @param sourceIp     the alert's source address, when ingest knew it (it keys the record)
 * @param alert        the sensor's alert, unchanged (parsed into JSON for line formats)
 */
public record AlertReceived(String sourceFormat, String assetId, String sourceIp, ObjectNode alert) {

    /**
     * Reads the payload of an AlertReceived envelope whose data has passed its schema, taking the
     * alert node as it is rather than copying it the way binding with Jackson would.
     */
    public static AlertReceived from(JsonNode data) {
        JsonNode alert = data.path("alert");
        if (!alert.isObject()) {
            throw new IllegalArgumentException("AlertReceived.alert must be a JSON object, got " + alert.getNodeType());
        }
        return new AlertReceived(text(data, "sourceFormat"), text(data, "assetId"), text(data, "sourceIp"),
                (ObjectNode) alert);
    }

    private static String text(JsonNode data, String field) {
        JsonNode v = data.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }
}
