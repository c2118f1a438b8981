package io.protect.normalize.mapping.zeek;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.ocsf.model.enums.FileTypeId;
import io.protect.ocsf.model.enums.FingerprintAlgorithmId;
import io.protect.ocsf.model.enums.NetworkFileActivityActivityId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.events.NetworkFileActivity;
import java.util.List;

/**
 * Zeek {@code files.log} → Network File Activity (4010): a file Zeek saw cross the network inside a
 * protocol (HTTP, SMB, FTP, SMTP ...). Chosen over File Hosting Activity (6006), which is about
 * file-sharing services; 4010 is the network category's file class.
 *
 * <ul>
 *   <li>Activity: {@code is_orig} false (the responder sent it, e.g. an HTTP response body) →
 *       Download; true → Upload; absent → Unknown.</li>
 *   <li>Endpoints: the connection tuple when the record has one (src = originator). Otherwise
 *       {@code tx_hosts}/{@code rx_hosts}: the originator is the receiver for a download and the
 *       sender for an upload; a host list with more than one entry supplies its first host and
 *       stays in unmapped whole.</li>
 *   <li>{@code actor.app_name} = {@code source}, the analyzer that carried the file (OCSF requires
 *       an actor; Zeek knows no user or process, only the protocol) — {@code Zeek} when absent.</li>
 *   <li>{@code file}: name = {@code filename}, or the {@code fuid} when Zeek saw no name (OCSF
 *       requires a name); uid = {@code fuid}; type Regular File; {@code mime_type};
 *       {@code total_bytes} → size; {@code md5}/{@code sha1}/{@code sha256} → hashes.</li>
 *   <li>{@code uid} or a single {@code conn_uids} entry → {@code connection_info.uid};
 *       {@code duration} → duration (ms). {@code seen_bytes}, {@code missing_bytes},
 *       {@code analyzers}, {@code depth}, {@code extracted*}, {@code timedout} ... stay in
 *       unmapped.</li>
 * </ul>
 */
final class ZeekFilesMapper extends ZeekMapper {

    ZeekFilesMapper() {
        super("files", NetworkFileActivity.class, 4010, 4, "Network File Activity", NETWORK);
    }

    @Override
    void fill(ZeekEvent e) {
        Boolean isOrig = e.f.takeBoolean("is_orig").orElse(null);
        NetworkFileActivityActivityId a = isOrig == null ? NetworkFileActivityActivityId.UNKNOWN
                : isOrig ? NetworkFileActivityActivityId.UPLOAD : NetworkFileActivityActivityId.DOWNLOAD;
        e.activity(a.value(), a.caption());
        if (e.f.has("id.orig_h") || e.f.has("id.resp_h")) {
            e.endpoints();
        } else {
            String tx = firstHost(e, "tx_hosts");
            String rx = firstHost(e, "rx_hosts");
            boolean upload = Boolean.TRUE.equals(isOrig);
            String orig = upload ? tx : rx;
            String resp = upload ? rx : tx;
            e.setEndpoints(e.ev, "", orig, null, resp, null);
        }
        if (e.f.has("uid") || e.f.has("proto")) {
            e.connectionInfo(e.ev);
        } else {
            List<String> conns = e.f.peekStrings("conn_uids");
            if (conns.size() == 1) {
                e.connectionInfo(e.ev).put("uid", conns.get(0));
                e.f.consume("conn_uids");
            }
        }
        e.put("actor.app_name", e.f.takeText("source").orElse(ZeekEvent.PRODUCT));

        String fuid = e.f.takeText("fuid").orElse(null);
        String name = e.f.takeText("filename").orElse(fuid != null ? fuid : "unknown");
        ObjectNode file = e.obj("file");
        file.put("name", name);
        file.put("type_id", FileTypeId.REGULAR_FILE.value());
        file.put("type", FileTypeId.REGULAR_FILE.caption());
        if (fuid != null) {
            file.put("uid", fuid);
        }
        e.f.takeText("mime_type").ifPresent(m -> file.put("mime_type", m));
        e.f.takeLong("total_bytes").ifPresent(n -> file.put("size", n));
        hash(e, file, "md5", FingerprintAlgorithmId.MD5);
        hash(e, file, "sha1", FingerprintAlgorithmId.SHA_1);
        hash(e, file, "sha256", FingerprintAlgorithmId.SHA_256);
        if (!name.equals(fuid)) {
            e.observable("file.name", ObservableTypeId.FILE_NAME, name);
        }
        e.f.takeDecimal("duration").ifPresent(d -> e.put("duration", ZeekEvent.millis(d)));
    }

    private static String firstHost(ZeekEvent e, String field) {
        List<String> hosts = e.f.peekStrings(field);
        if (hosts.isEmpty()) {
            return null;
        }
        if (hosts.size() == 1) {
            e.f.consume(field);
        }
        return hosts.get(0);
    }

    private static void hash(ZeekEvent e, ObjectNode file, String field, FingerprintAlgorithmId algorithm) {
        e.f.takeText(field).ifPresent(v -> {
            ArrayNode hashes = file.has("hashes") ? (ArrayNode) file.get("hashes") : file.putArray("hashes");
            hashes.addObject().put("algorithm_id", algorithm.value()).put("algorithm", algorithm.caption()).put("value", v);
            e.observable("file.hashes.value", ObservableTypeId.HASH, v);
        });
    }
}
