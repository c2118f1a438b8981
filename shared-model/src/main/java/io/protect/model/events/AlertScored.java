package io.protect.model.events;

import com.fasterxml.jackson.core.JsonGenerator;
import io.protect.model.wire.JsonIn;
import io.protect.model.wire.JsonOut;
import io.protect.model.wire.PayloadCodec;
import io.protect.model.wire.RawJson;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The payload of an AlertScored event (security.ml.predictions): the OCSF alert with its prediction,
 * produced by score and consumed by store and notify. Asset and source IP are carried forward
 * because they choose the partition key.
 *
 * @param assetId    the asset, when known
 * @param sourceIp   the source IP, when known
 * @param prediction the model's verdict
 * @param ocsf       the OCSF event, unchanged
 */
public record AlertScored(String assetId, String sourceIp, Prediction prediction, RawJson ocsf) implements AlertKeys {

    public AlertScored {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(ocsf, "ocsf");
    }

    /** The one reader and writer of AlertScored payloads. */
    public static final PayloadCodec<AlertScored> CODEC = new PayloadCodec<>() {
        @Override
        public EventType type() {
            return EventType.ALERT_SCORED;
        }

        @Override
        public AlertScored read(JsonIn in) throws IOException {
            Object[] v = new Object[4];
            in.object("data", name -> switch (name) {
                case "assetId" -> Slots.set(v, 0, in.text(name));
                case "sourceIp" -> Slots.set(v, 1, in.text(name));
                case "prediction" -> Slots.set(v, 2, prediction(in, name));
                case "ocsf" -> Slots.set(v, 3, in.rawObject(name));
                default -> false;
            });
            if (v[2] == null) {
                throw in.missing("data/prediction");
            }
            if (v[3] == null) {
                throw in.missing("data/ocsf");
            }
            return new AlertScored((String) v[0], (String) v[1], (Prediction) v[2], (RawJson) v[3]);
        }

        @Override
        public void write(AlertScored a, JsonGenerator g) throws IOException {
            g.writeStartObject();
            JsonOut.text(g, "assetId", a.assetId());
            JsonOut.text(g, "sourceIp", a.sourceIp());
            Prediction p = a.prediction();
            g.writeObjectFieldStart("prediction");
            g.writeStringField("label", p.label());
            g.writeNumberField("probability", p.probability());
            g.writeStringField("modelVersion", p.modelVersion());
            g.writeObjectFieldStart("features");
            for (Map.Entry<String, Double> f : p.features().entrySet()) {
                g.writeNumberField(f.getKey(), f.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            JsonOut.raw(g, "ocsf", a.ocsf());
            g.writeEndObject();
        }
    };

    private static Prediction prediction(JsonIn in, String name) throws IOException {
        Object[] v = new Object[4];
        in.object(name, field -> switch (field) {
            case "label" -> Slots.set(v, 0, in.text(field));
            case "probability" -> Slots.set(v, 1, in.number(field));
            case "modelVersion" -> Slots.set(v, 2, in.text(field));
            case "features" -> {
                Map<String, Double> features = new LinkedHashMap<>();
                in.object(field, feature -> {
                    features.put(feature, in.number(feature));
                    return true;
                });
                yield Slots.set(v, 3, features);
            }
            default -> false;
        });
        String[] names = {"label", "probability", "modelVersion", "features"};
        for (int i = 0; i < v.length; i++) {
            if (v[i] == null) {
                throw in.missing("data/" + name + "/" + names[i]);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Double> features = (Map<String, Double>) v[3];
        return new Prediction((String) v[0], (Double) v[1], (String) v[2], features);
    }
}
