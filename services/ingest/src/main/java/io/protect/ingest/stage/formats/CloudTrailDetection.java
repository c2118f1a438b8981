package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recognises one AWS CloudTrail record (an element of a log file's {@code Records} array, see
 * {@link CloudTrailRecords}): textual {@code eventVersion}, {@code eventTime}, {@code awsRegion}
 * and an {@code eventType} starting with {@code Aws} (AwsApiCall, AwsConsoleSignIn,
 * AwsServiceEvent, AwsConsoleAction, AwsCloudTrailInsight, ...). GuardDuty findings name their
 * region {@code region}, not {@code awsRegion}.
 */
public final class CloudTrailDetection {

    private CloudTrailDetection() {
    }

    /** True for a CloudTrail record. */
    public static boolean matches(JsonNode alert) {
        return alert != null && alert.isObject()
                && alert.path("eventVersion").isTextual()
                && alert.path("eventTime").isTextual()
                && alert.path("awsRegion").isTextual()
                && alert.path("eventType").asText("").startsWith("Aws");
    }
}
