package io.protect.store;

import java.util.UUID;

/** A model's prediction for one alert, as the store keeps it ({@code features}: the JSON object of feature values). */
public record StoredPrediction(
        UUID eventId,
        String tenantId,
        String label,
        double probability,
        String modelVersion,
        String features) {
}
