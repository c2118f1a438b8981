package io.protect.ingest.stage.formats;

import io.protect.model.sources.ZeekLogType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a parsed Zeek log record (JSON, or TSV through {@link ZeekTsvParser}) and tells its log
 * type from its fields, since Zeek's JSON writer does not name the log in the record.
 *
 * <p>A record is Zeek when it has a numeric epoch {@code ts} and either names its log
 * ({@code _path}, or {@code @stream} as the OTRF/Mordor collectors write it) or carries a Zeek
 * identity: a connection {@code uid} ({@code C...}), a file {@code fuid} ({@code F...}), the
 * connection tuple ({@code id.orig_h}, also spelled {@code id_orig_h} or nested {@code id.orig_h}),
 * or an x509 {@code fingerprint} with {@code certificate.*} fields. Suricata EVE records have a text
 * {@code timestamp} and an {@code event_type} and never match.
 */
public final class ZeekDetection {

    /** The log types {@link #logType} can tell from fields alone. */
    public static final Set<String> LOG_TYPES = Set.of("conn", "dns", "http", "ssl", "files", "notice", "kerberos",
            "smtp", "ssh", "weird", "x509", "smb_files");

    private ZeekDetection() {
    }

    /** True when the object is a Zeek log record. */
    public static boolean matches(JsonNode alert) {
        if (alert == null || !alert.isObject() || !alert.path("ts").isNumber() || alert.has("event_type")) {
            return false;
        }
        if (text(alert, "_path") != null || text(alert, "@stream") != null) {
            return true;
        }
        String uid = text(alert, "uid");
        String fuid = text(alert, "fuid");
        return (uid != null && uid.matches("C[0-9A-Za-z]{8,24}"))
                || (fuid != null && fuid.matches("F[0-9A-Za-z]{8,24}"))
                || has(alert, "id.orig_h")
                || (has(alert, "fingerprint") && has(alert, "certificate.serial"));
    }

    /**
     * The Zeek log type of a record: {@code _path} or {@code @stream} when present, otherwise told
     * from the fields each log type has (conn, dns, http, ssl, files, notice, kerberos, smtp, ssh,
     * weird, x509, smb_files); null when the fields fit none (e.g. a record with only the
     * connection tuple).
     */
    public static String logType(JsonNode r) {
        return ZeekLogType.of(r);
    }

    /** A field by Zeek's dotted name, its underscore spelling, or nested objects. */
    static JsonNode field(JsonNode r, String dotted) {
        JsonNode v = r.get(dotted);
        if (v == null && dotted.contains(".")) {
            v = r.get(dotted.replace('.', '_'));
            if (v == null) {
                JsonNode n = r;
                for (String part : dotted.split("\\.")) {
                    n = n.path(part);
                }
                v = n.isMissingNode() ? null : n;
            }
        }
        return v == null || v.isNull() ? null : v;
    }

    private static boolean has(JsonNode r, String dotted) {
        return field(r, dotted) != null;
    }

    private static String text(JsonNode r, String name) {
        JsonNode v = field(r, name);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
