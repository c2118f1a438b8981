package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recognises an Amazon GuardDuty finding (GetFindings / S3 export JSON, or the {@code detail} of
 * an EventBridge "GuardDuty Finding" event): textual {@code schemaVersion}, {@code id} and
 * {@code type}, a numeric {@code severity} and a {@code service} object.
 */
public final class GuardDutyDetection {

    private GuardDutyDetection() {
    }

    /** True for a GuardDuty finding. */
    public static boolean matches(JsonNode alert) {
        return alert != null && alert.isObject()
                && alert.path("schemaVersion").isTextual()
                && alert.path("id").isTextual()
                && alert.path("type").isTextual()
                && (alert.path("severity").isNumber() || alert.path("severity").asText("").matches("\\d+(\\.\\d+)?"))
                && alert.path("service").isObject();
    }
}
