package io.protect.model.events;

import com.fasterxml.jackson.core.JsonGenerator;
import io.protect.model.wire.JsonIn;
import io.protect.model.wire.JsonOut;
import io.protect.model.wire.PayloadCodec;
import java.io.IOException;
import java.util.Objects;

/**
 * The payload of an AlertNotification event (security.notifications): a scored alert as it was
 * pushed to the analysts of its tenant, and how many of their sessions it reached.
 *
 * @param time      the OCSF time of the alert, epoch milliseconds
 * @param riskScore enrich's risk score 0–100, when the event carries one
 * @param delivered how many analyst sessions took the message
 */
public record AlertNotification(
        String title,
        int severityId,
        String severity,
        String label,
        double probability,
        int classUid,
        long time,
        String srcIp,
        String dstIp,
        Integer riskScore,
        int delivered) {

    public AlertNotification {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(label, "label");
    }

    /** The one reader and writer of AlertNotification payloads. */
    public static final PayloadCodec<AlertNotification> CODEC = new PayloadCodec<>() {
        @Override
        public EventType type() {
            return EventType.ALERT_NOTIFICATION;
        }

        @Override
        public AlertNotification read(JsonIn in) throws IOException {
            Object[] v = new Object[11];
            in.object("data", name -> switch (name) {
                case "title" -> Slots.set(v, 0, in.text(name));
                case "severityId" -> Slots.set(v, 1, in.integer(name));
                case "severity" -> Slots.set(v, 2, in.text(name));
                case "label" -> Slots.set(v, 3, in.text(name));
                case "probability" -> Slots.set(v, 4, in.number(name));
                case "classUid" -> Slots.set(v, 5, in.integer(name));
                case "time" -> Slots.set(v, 6, in.longInteger(name));
                case "srcIp" -> Slots.set(v, 7, in.text(name));
                case "dstIp" -> Slots.set(v, 8, in.text(name));
                case "riskScore" -> Slots.set(v, 9, in.integer(name));
                case "delivered" -> Slots.set(v, 10, in.integer(name));
                default -> false;
            });
            String[] required = {"title", "severityId", null, "label", "probability", "classUid", "time"};
            for (int i = 0; i < required.length; i++) {
                if (required[i] != null && v[i] == null) {
                    throw in.missing("data/" + required[i]);
                }
            }
            return new AlertNotification((String) v[0], (Integer) v[1], (String) v[2], (String) v[3], (Double) v[4],
                    (Integer) v[5], (Long) v[6], (String) v[7], (String) v[8], (Integer) v[9],
                    v[10] == null ? 0 : (Integer) v[10]);
        }

        @Override
        public void write(AlertNotification n, JsonGenerator g) throws IOException {
            g.writeStartObject();
            g.writeStringField("title", n.title());
            g.writeNumberField("severityId", n.severityId());
            JsonOut.text(g, "severity", n.severity());
            g.writeStringField("label", n.label());
            g.writeNumberField("probability", n.probability());
            g.writeNumberField("classUid", n.classUid());
            g.writeNumberField("time", n.time());
            JsonOut.text(g, "srcIp", n.srcIp());
            JsonOut.text(g, "dstIp", n.dstIp());
            JsonOut.integer(g, "riskScore", n.riskScore());
            g.writeNumberField("delivered", n.delivered());
            g.writeEndObject();
        }
    };
}
