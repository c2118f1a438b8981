package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Unwraps AWS CloudTrail and GuardDuty delivery shapes into single records, pure: a CloudTrail log
 * file {@code {"Records":[...]}} gives its records; an EventBridge event
 * ({@code {"detail-type": ..., "detail": {...}}}) whose detail is a CloudTrail record or a GuardDuty
 * finding gives that detail; anything else is returned as the one record it is. Records are
 * returned as they are (never copied or changed).
 */
public final class CloudTrailRecords {

    private CloudTrailRecords() {
    }

    /** The single records a delivered JSON value holds. */
    public static List<JsonNode> split(JsonNode delivered) {
        List<JsonNode> out = new ArrayList<>();
        if (delivered == null || delivered.isNull() || delivered.isMissingNode()) {
            return out;
        }
        if (delivered.isArray()) {
            delivered.forEach(e -> out.addAll(split(e)));
            return out;
        }
        JsonNode records = delivered.get("Records");
        if (delivered.isObject() && records != null && records.isArray()) {
            records.forEach(out::add);
            return out;
        }
        JsonNode detail = delivered.get("detail");
        if (delivered.isObject() && delivered.has("detail-type") && detail != null
                && (CloudTrailDetection.matches(detail) || GuardDutyDetection.matches(detail))) {
            out.add(detail);
            return out;
        }
        out.add(delivered);
        return out;
    }
}
