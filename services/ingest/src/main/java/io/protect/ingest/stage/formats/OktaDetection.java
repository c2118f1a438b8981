package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recognises an Okta System Log event (the {@code /api/v1/logs} LogEvent): textual
 * {@code eventType}, {@code uuid} and {@code published}, and an {@code actor} object. CloudTrail
 * records also carry an {@code eventType}, but never {@code published}/{@code uuid}/{@code actor}.
 */
public final class OktaDetection {

    private OktaDetection() {
    }

    /** True for an Okta System Log event. */
    public static boolean matches(JsonNode alert) {
        return alert != null && alert.isObject()
                && alert.path("eventType").isTextual()
                && alert.path("uuid").isTextual()
                && alert.path("published").isTextual()
                && alert.path("actor").isObject();
    }
}
