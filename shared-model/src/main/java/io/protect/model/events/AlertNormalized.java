package io.protect.model.events;

import com.fasterxml.jackson.core.JsonGenerator;
import io.protect.model.wire.JsonIn;
import io.protect.model.wire.JsonOut;
import io.protect.model.wire.PayloadCodec;
import io.protect.model.wire.RawJson;
import java.io.IOException;
import java.util.Objects;

/**
 * The payload of an AlertNormalized event (security.alerts.ocsf.ready and the domain topics): the
 * alert as a validated OCSF event, produced by normalize and consumed by score and store. Asset
 * and source IP are carried forward because they choose the partition key downstream. The OCSF
 * event is serialized once, by normalize; the stages after it carry its bytes.
 *
 * @param sourceFormat the format the alert arrived in
 * @param assetId      the asset, when known
 * @param sourceIp     the source IP, when known
 * @param ocsfVersion  the OCSF schema version the event was validated against
 * @param ocsf         the OCSF event, a JSON object
 */
public record AlertNormalized(SourceFormat sourceFormat, String assetId, String sourceIp, String ocsfVersion, RawJson ocsf)
        implements AlertKeys {

    public AlertNormalized {
        Objects.requireNonNull(sourceFormat, "sourceFormat");
        Objects.requireNonNull(ocsfVersion, "ocsfVersion");
        Objects.requireNonNull(ocsf, "ocsf");
    }

    /** The one reader and writer of AlertNormalized payloads. */
    public static final PayloadCodec<AlertNormalized> CODEC = new PayloadCodec<>() {
        @Override
        public EventType type() {
            return EventType.ALERT_NORMALIZED;
        }

        @Override
        public AlertNormalized read(JsonIn in) throws IOException {
            Object[] v = new Object[5];
            in.object("data", name -> switch (name) {
                case "sourceFormat" -> Slots.set(v, 0, in.text(name));
                case "assetId" -> Slots.set(v, 1, in.text(name));
                case "sourceIp" -> Slots.set(v, 2, in.text(name));
                case "ocsfVersion" -> Slots.set(v, 3, in.text(name));
                case "ocsf" -> Slots.set(v, 4, in.rawObject(name));
                default -> false;
            });
            String[] names = {"sourceFormat", null, null, "ocsfVersion", "ocsf"};
            for (int i : new int[] {0, 3, 4}) {
                if (v[i] == null) {
                    throw in.missing("data/" + names[i]);
                }
            }
            return new AlertNormalized(SourceFormat.fromWire((String) v[0]), (String) v[1], (String) v[2], (String) v[3],
                    (RawJson) v[4]);
        }

        @Override
        public void write(AlertNormalized a, JsonGenerator g) throws IOException {
            g.writeStartObject();
            g.writeStringField("sourceFormat", a.sourceFormat().wireName());
            JsonOut.text(g, "assetId", a.assetId());
            JsonOut.text(g, "sourceIp", a.sourceIp());
            g.writeStringField("ocsfVersion", a.ocsfVersion());
            JsonOut.raw(g, "ocsf", a.ocsf());
            g.writeEndObject();
        }
    };
}
