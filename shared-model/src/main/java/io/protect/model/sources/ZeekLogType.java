package io.protect.model.sources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Tells a Zeek record's log type from its fields (Zeek's JSON writer does not name the log in the
 * record). Shared by ingest (detection) and normalize (mapper choice).
 */
public final class ZeekLogType {

    private ZeekLogType() {
    }

    /**
     * The Zeek log type of a record: {@code _path} or {@code @stream} when present, otherwise told
     * from the fields each log type has (conn, dns, http, ssl, files, notice, kerberos, smtp, ssh,
     * weird, x509, smb_files); null when the fields fit none (e.g. a record with only the
     * connection tuple).
     */
    public static String of(JsonNode r) {
        if (r == null || !r.isObject()) {
            return null;
        }
        for (String named : new String[] {"_path", "@stream"}) {
            String p = text(r, named);
            if (p != null) {
                return p.toLowerCase(Locale.ROOT);
            }
        }
        if (has(r, "note") || (has(r, "msg") && has(r, "actions"))) {
            return "notice";
        }
        if (has(r, "certificate.serial") || has(r, "certificate.subject") || (has(r, "fingerprint") && has(r, "host_cert"))) {
            return "x509";
        }
        if (has(r, "fuid") && (has(r, "analyzers") || has(r, "seen_bytes") || has(r, "source") || has(r, "depth")
                || has(r, "tx_hosts"))) {
            return "files";
        }
        if (text(r, "action") != null && text(r, "action").startsWith("SMB::")
                || has(r, "times.modified") || has(r, "times_modified")) {
            return "smb_files";
        }
        if (has(r, "helo") || has(r, "mailfrom") || has(r, "rcptto") || has(r, "last_reply") && has(r, "path")) {
            return "smtp";
        }
        if (has(r, "query") || has(r, "qtype") || has(r, "qtype_name") || has(r, "rcode") || has(r, "trans_id")) {
            return "dns";
        }
        if (has(r, "request_type") || has(r, "till") || has(r, "forwardable") || has(r, "renewable")
                || (has(r, "service") && has(r, "success") && !has(r, "conn_state"))) {
            return "kerberos";
        }
        if (has(r, "auth_attempts") || has(r, "host_key") || has(r, "kex_alg") || has(r, "hassh")
                || (has(r, "client") && has(r, "server"))) {
            return "ssh";
        }
        if (has(r, "ssl_history") || has(r, "server_name") || has(r, "established") || has(r, "cert_chain_fps")
                || has(r, "cert_chain_fuids") || has(r, "ja3") || has(r, "resumed")
                || (has(r, "version") && has(r, "cipher"))) {
            return "ssl";
        }
        if (has(r, "method") || has(r, "uri") || has(r, "status_code") || has(r, "request_body_len")
                || has(r, "resp_mime_types") || has(r, "user_agent")) {
            return "http";
        }
        if (has(r, "name") && (has(r, "notice") || has(r, "peer") || has(r, "addl"))) {
            return "weird";
        }
        if (has(r, "proto") && (has(r, "conn_state") || has(r, "history") || has(r, "orig_bytes") || has(r, "orig_pkts")
                || has(r, "service") || has(r, "duration"))) {
            return "conn";
        }
        return null;
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
