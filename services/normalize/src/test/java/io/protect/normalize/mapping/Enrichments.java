package io.protect.normalize.mapping;

import io.protect.model.events.Enrichment;
import io.protect.model.events.RiskAssessment;
import io.protect.model.json.Json;
import java.util.List;

/** Enrichments for the mapper tests, typed as an AlertEnriched payload carries them. */
public final class Enrichments {

    private Enrichments() {
    }

    /**
     * No answers from enrich at all, not even a risk score: what a test uses to see a mapper's own
     * output alone. (Off the wire an enrichment always has its risk; {@link #nothingFound()} is that.)
     */
    public static Enrichment none() {
        return new Enrichment(false, List.of(), null, List.of(), null, null, null);
    }

    /** What enrich sends when its lookups found nothing: no geo, intel, user or asset, risk 0 without factors. */
    public static Enrichment nothingFound() {
        return new Enrichment(false, List.of(), null, List.of(), null, null, new RiskAssessment(0, List.of()));
    }

    /** An enrichment from its JSON in the AlertEnriched schema's shape, read by the wire's own reader. */
    public static Enrichment parse(String json) {
        return Enrichment.fromJson(Json.parse(json));
    }
}
