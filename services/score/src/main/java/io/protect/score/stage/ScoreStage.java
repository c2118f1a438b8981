package io.protect.score.stage;

import io.protect.model.events.AlertNormalized;
import io.protect.model.events.AlertScored;

/** The score stage: features from the OCSF event, a model's prediction, the scored alert. */
public final class ScoreStage {

    private final FeatureExtractor extractor = new FeatureExtractor();
    private final Model model;

    public ScoreStage(Model model) {
        this.model = model;
    }

    /** Scores one alert; the OCSF event (as the bytes it came in), asset and source IP pass through unchanged. */
    public AlertScored score(AlertNormalized alert) {
        return new AlertScored(alert.assetId(), alert.sourceIp(), model.predict(extractor.extract(alert.ocsf().tree())),
                alert.ocsf());
    }
}
