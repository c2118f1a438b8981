package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recognises an event that {@link CefParser} produced: a numeric {@code cefVersion}, the six other
 * header fields as text and an {@code extension} object. Pure.
 */
public final class CefDetection {

    private CefDetection() {
    }

    /** True for a parsed CEF event. */
    public static boolean matches(JsonNode alert) {
        if (alert == null || !alert.isObject()) {
            return false;
        }
        if (!alert.path("cefVersion").isIntegralNumber() || !alert.path("extension").isObject()) {
            return false;
        }
        for (String field : CefParser.HEADER_FIELDS.subList(1, CefParser.HEADER_FIELDS.size())) {
            if (!alert.path(field).isTextual()) {
                return false;
            }
        }
        return !alert.has("leefVersion");
    }
}
