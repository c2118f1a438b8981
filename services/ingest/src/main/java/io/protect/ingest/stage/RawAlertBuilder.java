package io.protect.ingest.stage;

import io.protect.ingest.RawAlert;
import io.protect.ingest.SourceFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns parsed alerts into {@link RawAlert} payloads: the format named by the request or detected
 * per alert, and the source IP that keys the alert's partition.
 */
public final class RawAlertBuilder {

    private RawAlertBuilder() {
    }

    /**
     * Builds every payload of a batch; a detection failure fails the batch with the alert's place
     * (status 400), like a parse error.
     */
    public static List<RawAlert> build(List<AlertBatchParser.Located> alerts, SourceFormat requested) {
        List<RawAlert> out = new ArrayList<>(alerts.size());
        for (AlertBatchParser.Located located : alerts) {
            SourceFormat format;
            try {
                format = requested != null ? requested : SourceDetector.detect(located.alert());
            } catch (IllegalArgumentException e) {
                String where = located.index() != null ? "element " + located.index()
                        : located.line() != null ? "line " + located.line() : "the alert";
                throw new AlertBatchParser.BadBatch(400, where + ": " + e.getMessage(), located.index(), located.line());
            }
            out.add(new RawAlert(format.wireName(), null, format.sourceIp(located.alert()).orElse(null), located.alert()));
        }
        return out;
    }
}
