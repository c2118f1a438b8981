package io.protect.normalize.mapping.zeek;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import io.protect.ocsf.model.enums.AnalyticTypeId;
import io.protect.ocsf.model.enums.DetectionFindingActivityId;
import io.protect.ocsf.model.enums.DetectionFindingStatusId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.events.DetectionFinding;
import java.util.Objects;

/**
 * Zeek {@code notice.log} → Detection Finding (2004, activity Create, status New).
 *
 * <ul>
 *   <li>Severity: Zeek notices carry none, so it comes from the notice type's namespace:
 *       {@code Intel::*} and {@code Signatures::*} → High; {@code Scan::*},
 *       {@code SSH::Password_Guessing}, {@code FTP::Bruteforcing}, {@code HTTP::SQL_Injection_*}
 *       → Medium; everything else (e.g. {@code SSL::Invalid_Server_Cert}, {@code Weird::*}) →
 *       Low.</li>
 *   <li>{@code note} → {@code finding_info.title}, {@code finding_info.types} [note] and the
 *       analytic (type Rule, name = note); {@code msg} → {@code message} and
 *       {@code finding_info.desc} (with {@code sub} appended after {@code " | "});
 *       {@code finding_info.uid} is {@code <uid>:<note>} (the event id when no uid).</li>
 *   <li>The connection tuple ({@code id.*}, else {@code src}/{@code dst}/{@code p}), {@code proto}
 *       and {@code uid} → {@code evidences[0]} (Detection Finding has no top-level endpoints);
 *       {@code src}/{@code dst}/{@code p} are consumed when they repeat the tuple.</li>
 *   <li>{@code actions}, {@code suppress_for}, {@code fuid}, {@code peer_descr}, {@code n} ... stay
 *       in unmapped (Zeek is passive: no action or disposition is claimed).</li>
 * </ul>
 */
final class ZeekNoticeMapper extends ZeekMapper {

    ZeekNoticeMapper() {
        super("notice", DetectionFinding.class, 2004, 2, "Detection Finding", "Findings");
    }

    @Override
    void fill(ZeekEvent e) {
        e.activity(DetectionFindingActivityId.CREATE.value(), DetectionFindingActivityId.CREATE.caption());
        e.put("status_id", DetectionFindingStatusId.NEW.value());
        e.put("status", DetectionFindingStatusId.NEW.caption());
        e.put("is_alert", true);
        e.profile("security_control");

        ObjectNode evidence = Json.MAPPER.createObjectNode();
        String oh = e.f.takeText("id.orig_h").orElse(null);
        Integer op = e.f.takeInt("id.orig_p").orElse(null);
        String rh = e.f.takeText("id.resp_h").orElse(null);
        Integer rp = e.f.takeInt("id.resp_p").orElse(null);
        // src/dst/p repeat the tuple in most notices; they stand in for it when it is absent.
        String src = e.f.peekText("src").orElse(null);
        String dst = e.f.peekText("dst").orElse(null);
        Integer p = e.f.peekInt("p").orElse(null);
        if (oh == null && rh == null) {
            oh = src;
            rh = dst;
            rp = p;
        }
        consumeIfSame(e, "src", src, oh);
        consumeIfSame(e, "dst", dst, rh);
        consumeIfSame(e, "p", p, rp);
        e.setEndpoints(evidence, "evidences.", oh, op, rh, rp);
        if (oh != null || rh != null || e.f.has("proto") || e.f.has("uid")) {
            e.connectionInfo(evidence);
        }
        String uid = evidence.path("connection_info").path("uid").asText(null);

        String note = e.f.takeText("note").orElse("Zeek notice");
        String msg = e.f.takeText("msg").orElse(null);
        String sub = e.f.takeText("sub").orElse(null);
        e.message(msg != null ? msg : note);
        ObjectNode fi = e.obj("finding_info");
        fi.put("uid", (uid != null ? uid : e.eventId()) + ":" + note);
        fi.put("title", note);
        String desc = msg == null ? sub : sub == null ? msg : msg + " | " + sub;
        if (desc != null) {
            fi.put("desc", desc);
        }
        ((ArrayNode) fi.putArray("types")).add(note);
        fi.putObject("analytic").put("type_id", AnalyticTypeId.RULE.value()).put("type", AnalyticTypeId.RULE.caption())
                .put("name", note);
        fi.put("created_time", e.time);
        e.severity(severity(note));
        if (!evidence.isEmpty()) {
            e.ev.putArray("evidences").add(evidence);
        }
    }

    private static void consumeIfSame(ZeekEvent e, String field, Object value, Object used) {
        if (value != null && Objects.equals(value, used)) {
            e.f.consume(field);
        }
    }

    /** Severity of a notice type, as documented on the class. */
    static SeverityId severity(String note) {
        if (note.startsWith("Intel::") || note.startsWith("Signatures::")) {
            return SeverityId.HIGH;
        }
        if (note.startsWith("Scan::") || note.equals("SSH::Password_Guessing") || note.equals("FTP::Bruteforcing")
                || note.startsWith("HTTP::SQL_Injection")) {
            return SeverityId.MEDIUM;
        }
        return SeverityId.LOW;
    }
}
