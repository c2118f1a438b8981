package io.protect.ingest.stage;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.SourceFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells an alert's format from its content when the request did not name it: the one specific
 * format whose signature matches; {@code generic} when none does; an error when several do, since
 * guessing would map the alert wrongly.
 */
public final class SourceDetector {

    private SourceDetector() {
    }

    /** The detected format, or an {@link IllegalArgumentException} naming the candidates. */
    public static SourceFormat detect(JsonNode alert) {
        List<SourceFormat> candidates = new ArrayList<>();
        for (SourceFormat f : SourceFormat.values()) {
            if (f != SourceFormat.GENERIC && SourceFormats.matches(f, alert)) {
                candidates.add(f);
            }
        }
        if (candidates.size() > 1) {
            throw new IllegalArgumentException("the alert matches several formats " + candidates
                    + "; name one with the 'source' parameter");
        }
        return candidates.isEmpty() ? SourceFormat.GENERIC : candidates.get(0);
    }
}
