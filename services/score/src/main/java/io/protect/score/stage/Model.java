package io.protect.score.stage;

import io.protect.model.events.Prediction;

/**
 * A model that scores an alert from its features. The heuristic is the first implementation; a
 * trained model replaces it by implementing this interface (and naming its own version).
 */
public interface Model {

    /** The version written into every prediction, e.g. {@code heuristic-1}. */
    String version();

    /** The prediction for one alert's features. */
    Prediction predict(Features features);
}
