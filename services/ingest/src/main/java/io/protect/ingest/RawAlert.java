package io.protect.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/** The payload ingest publishes (schema AlertReceived): the sensor's alert unchanged, with its format. */
public record RawAlert(String sourceFormat, String assetId, String sourceIp, JsonNode alert) {
}
