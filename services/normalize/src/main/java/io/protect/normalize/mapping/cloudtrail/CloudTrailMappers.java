package io.protect.normalize.mapping.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.normalize.mapping.AlertMapper;

/**
 * Picks the mapper for a CloudTrail record (sourceFormat {@code cloudtrail}): {@code ConsoleLogin}
 * → {@link CloudTrailConsoleLoginMapper} (Authentication 3002); every other record (API calls,
 * console actions, service and insight events) → {@link CloudTrailApiActivityMapper} (API
 * Activity 6003).
 */
public final class CloudTrailMappers {

    private static final CloudTrailConsoleLoginMapper CONSOLE_LOGIN = new CloudTrailConsoleLoginMapper();
    private static final CloudTrailApiActivityMapper API_ACTIVITY = new CloudTrailApiActivityMapper();

    private CloudTrailMappers() {
    }

    /** The mapper for a record. */
    public static AlertMapper forEvent(JsonNode alert) {
        return alert != null && "ConsoleLogin".equals(alert.path("eventName").asText()) ? CONSOLE_LOGIN : API_ACTIVITY;
    }
}
