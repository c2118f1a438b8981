package io.protect.model.events;

import java.util.Map;

/**
 * A model's verdict on one alert.
 *
 * @param label        benign, suspicious or malicious
 * @param probability  the probability that the alert is malicious, 0..1
 * @param modelVersion which model said so, e.g. {@code heuristic-1}
 * @param features     the feature values the model saw, by name
 */
public record Prediction(String label, double probability, String modelVersion, Map<String, Double> features) {
}
