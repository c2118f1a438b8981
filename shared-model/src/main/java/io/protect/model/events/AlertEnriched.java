package io.protect.model.events;

import com.fasterxml.jackson.core.JsonGenerator;
import io.protect.model.wire.JsonIn;
import io.protect.model.wire.JsonOut;
import io.protect.model.wire.PayloadCodec;
import io.protect.model.wire.RawJson;
import java.io.IOException;
import java.util.Objects;

/**
 * The payload of an AlertEnriched event (security.alerts.enhanced): the alert unchanged, with its
 * context beside it. Produced by enrich, consumed by normalize.
 *
 * @param sourceFormat as received
 * @param assetId      as received, else the id of the asset the enrichment found (it keys the record)
 * @param sourceIp     as received, else the alert's source address
 * @param alert        the sensor's alert, unchanged
 * @param enrichment   what was learned about the alert
 */
public record AlertEnriched(SourceFormat sourceFormat, String assetId, String sourceIp, RawJson alert,
        Enrichment enrichment) implements AlertKeys {

    public AlertEnriched {
        Objects.requireNonNull(sourceFormat, "sourceFormat");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(enrichment, "enrichment");
    }

    /** The one reader and writer of AlertEnriched payloads. */
    public static final PayloadCodec<AlertEnriched> CODEC = new PayloadCodec<>() {
        @Override
        public EventType type() {
            return EventType.ALERT_ENRICHED;
        }

        @Override
        public AlertEnriched read(JsonIn in) throws IOException {
            Object[] v = new Object[5];
            in.object("data", name -> switch (name) {
                case "sourceFormat" -> Slots.set(v, 0, in.text(name));
                case "assetId" -> Slots.set(v, 1, in.text(name));
                case "sourceIp" -> Slots.set(v, 2, in.text(name));
                case "alert" -> Slots.set(v, 3, in.rawObject(name));
                case "enrichment" -> Slots.set(v, 4, EnrichmentCodec.read(in, name));
                default -> false;
            });
            for (int i : new int[] {0, 3, 4}) {
                if (v[i] == null) {
                    throw in.missing("data/" + new String[] {"sourceFormat", "", "", "alert", "enrichment"}[i]);
                }
            }
            return new AlertEnriched(SourceFormat.fromWire((String) v[0]), (String) v[1], (String) v[2], (RawJson) v[3],
                    (Enrichment) v[4]);
        }

        @Override
        public void write(AlertEnriched a, JsonGenerator g) throws IOException {
            g.writeStartObject();
            g.writeStringField("sourceFormat", a.sourceFormat().wireName());
            JsonOut.text(g, "assetId", a.assetId());
            JsonOut.text(g, "sourceIp", a.sourceIp());
            JsonOut.raw(g, "alert", a.alert());
            g.writeFieldName("enrichment");
            EnrichmentCodec.write(a.enrichment(), g);
            g.writeEndObject();
        }
    };
}
