package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recognises an event that {@link LeefParser} produced: {@code leefVersion} 1.0 or 2.0, vendor,
 * product, version and event id as text and an {@code extension} object. Pure.
 */
public final class LeefDetection {

    private LeefDetection() {
    }

    /** True for a parsed LEEF event. */
    public static boolean matches(JsonNode alert) {
        if (alert == null || !alert.isObject()) {
            return false;
        }
        String version = alert.path("leefVersion").asText("");
        if (!version.equals("1.0") && !version.equals("2.0")) {
            return false;
        }
        for (String field : LeefParser.HEADER_FIELDS.subList(1, 5)) {
            if (!alert.path(field).isTextual()) {
                return false;
            }
        }
        return alert.path("extension").isObject() && !alert.has("cefVersion");
    }
}
