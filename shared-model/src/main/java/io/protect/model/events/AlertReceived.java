package io.protect.model.events;

import com.fasterxml.jackson.core.JsonGenerator;
import io.protect.model.wire.JsonIn;
import io.protect.model.wire.JsonOut;
import io.protect.model.wire.PayloadCodec;
import io.protect.model.wire.RawJson;
import java.io.IOException;
import java.util.Objects;

/**
 * The payload of an AlertReceived event (security.alerts.raw): the sensor's alert as ingest
 * accepted it, produced by ingest and consumed by enrich.
 *
 * @param sourceFormat the sensor's format
 * @param assetId      the asset the alert is about, when ingest knew it
 * @param sourceIp     the alert's source address, when ingest knew it (it keys the record)
 * @param alert        the sensor's alert, unchanged (parsed into JSON for line formats); a JSON object
 */
public record AlertReceived(SourceFormat sourceFormat, String assetId, String sourceIp, RawJson alert)
        implements AlertKeys {

    public AlertReceived {
        Objects.requireNonNull(sourceFormat, "sourceFormat");
        Objects.requireNonNull(alert, "alert");
    }

    /** The one reader and writer of AlertReceived payloads. */
    public static final PayloadCodec<AlertReceived> CODEC = new PayloadCodec<>() {
        @Override
        public EventType type() {
            return EventType.ALERT_RECEIVED;
        }

        @Override
        public AlertReceived read(JsonIn in) throws IOException {
            Object[] v = new Object[4];
            in.object("data", name -> switch (name) {
                case "sourceFormat" -> Slots.set(v, 0, in.text(name));
                case "assetId" -> Slots.set(v, 1, in.text(name));
                case "sourceIp" -> Slots.set(v, 2, in.text(name));
                case "alert" -> Slots.set(v, 3, in.rawObject(name));
                default -> false;
            });
            if (v[0] == null) {
                throw in.missing("data/sourceFormat");
            }
            if (v[3] == null) {
                throw in.missing("data/alert");
            }
            return new AlertReceived(SourceFormat.fromWire((String) v[0]), (String) v[1], (String) v[2], (RawJson) v[3]);
        }

        @Override
        public void write(AlertReceived a, JsonGenerator g) throws IOException {
            g.writeStartObject();
            g.writeStringField("sourceFormat", a.sourceFormat().wireName());
            JsonOut.text(g, "assetId", a.assetId());
            JsonOut.text(g, "sourceIp", a.sourceIp());
            JsonOut.raw(g, "alert", a.alert());
            g.writeEndObject();
        }
    };
}
