package io.protect.ingest.stage;

import io.protect.model.events.AlertReceived;
import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.wire.RawJson;
import io.protect.model.events.SourceFormat;
import io.protect.ingest.stage.formats.CloudTrailRecords;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns parsed alerts into {@link AlertReceived} payloads: the format named by the request or detected
 * per alert, and the source IP that keys the alert's partition.
 */
public final class RawAlertBuilder {

    private RawAlertBuilder() {
    }

    /**
     * Builds every payload of a batch; a detection failure fails the batch with the alert's place
     * (status 400), like a parse error.
     */
    public static List<AlertReceived> build(List<AlertBatchParser.Located> alerts, SourceFormat requested) {
        List<AlertReceived> out = new ArrayList<>(alerts.size());
        for (AlertBatchParser.Located delivered : alerts) {
            // AWS delivers CloudTrail as {"Records": [...]} files and EventBridge wraps records and
            // findings in {"detail": ...}: each record inside is one alert.
            for (JsonNode record : CloudTrailRecords.split(delivered.alert())) {
                out.add(one(new AlertBatchParser.Located(record, delivered.index(), delivered.line()), requested));
            }
        }
        return out;
    }

    private static AlertReceived one(AlertBatchParser.Located located, SourceFormat requested) {
        String where = located.index() != null ? "element " + located.index()
                : located.line() != null ? "line " + located.line() : "the alert";
        if (!located.alert().isObject()) {
            throw new AlertBatchParser.BadBatch(400, where + ": a record inside the delivery is not a JSON object",
                    located.index(), located.line());
        }
        SourceFormat format;
        try {
            format = requested != null ? requested : SourceDetector.detect(located.alert());
        } catch (IllegalArgumentException e) {
            throw new AlertBatchParser.BadBatch(400, where + ": " + e.getMessage(), located.index(), located.line());
        }
        return new AlertReceived(format, null, SourceFormats.sourceIp(format, located.alert()).orElse(null),
                RawJson.of(located.alert()));
    }

    /** Payloads for alerts parsed from lines, whose format the line itself told. */
    public static List<AlertReceived> fromLines(List<LineFormats.Parsed> parsed) {
        List<AlertReceived> out = new ArrayList<>(parsed.size());
        for (LineFormats.Parsed p : parsed) {
            out.add(new AlertReceived(p.format(), null, SourceFormats.sourceIp(p.format(), p.located().alert()).orElse(null),
                    RawJson.of(p.located().alert())));
        }
        return out;
    }
}
