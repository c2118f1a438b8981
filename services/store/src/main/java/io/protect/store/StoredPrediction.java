package io.protect.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** A model's prediction for one alert, as the store keeps it. */
public record StoredPrediction(
        UUID eventId,
        String tenantId,
        String label,
        double probability,
        String modelVersion,
        JsonNode features) {
}
