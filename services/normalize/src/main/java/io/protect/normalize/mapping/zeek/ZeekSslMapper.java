package io.protect.normalize.mapping.zeek;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.ocsf.model.enums.FingerprintAlgorithmId;
import io.protect.ocsf.model.enums.NetworkActivityActivityId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.events.NetworkActivity;

/**
 * Zeek {@code ssl.log} → Network Activity (4001) with {@code tls}.
 *
 * <ul>
 *   <li>{@code established} true → activity Open, status Success; false → Fail, Failure; absent →
 *       Traffic.</li>
 *   <li>{@code version} → {@code tls.version} (as Zeek writes it, e.g. {@code TLSv12});
 *       {@code cipher} → {@code tls.cipher}; {@code server_name} → {@code tls.sni};
 *       {@code ja3}/{@code ja3s} → {@code tls.ja3_hash}/{@code tls.ja3s_hash} (MD5 fingerprints).
 *       OCSF's {@code tls} needs a version: without one, these fields stay in unmapped.</li>
 *   <li>The certificate subject/issuer of older ssl logs cannot form an OCSF {@code certificate}
 *       (it requires the serial number, which only x509.log has) and stay in unmapped, as do
 *       {@code curve}, {@code resumed}, {@code last_alert}, {@code ssl_history},
 *       {@code cert_chain_*}, {@code validation_status}, {@code sni_matches_cert}.</li>
 * </ul>
 */
final class ZeekSslMapper extends ZeekMapper {

    ZeekSslMapper() {
        super("ssl", NetworkActivity.class, 4001, 4, NETWORK, NETWORK);
    }

    @Override
    void fill(ZeekEvent e) {
        e.endpoints();
        e.connectionInfo(e.ev);
        String version = e.f.takeText("version").orElse(null);
        if (version != null) {
            ObjectNode tls = e.obj("tls");
            tls.put("version", version);
            e.f.takeText("cipher").ifPresent(c -> tls.put("cipher", c));
            e.f.takeText("server_name").ifPresent(s -> {
                tls.put("sni", s);
                e.observable("tls.sni", ObservableTypeId.HOSTNAME, s);
            });
            e.f.takeText("ja3").ifPresent(h -> tls.set("ja3_hash", md5(h)));
            e.f.takeText("ja3s").ifPresent(h -> tls.set("ja3s_hash", md5(h)));
        }
        Boolean established = e.f.takeBoolean("established").orElse(null);
        NetworkActivityActivityId a = established == null ? NetworkActivityActivityId.TRAFFIC
                : established ? NetworkActivityActivityId.OPEN : NetworkActivityActivityId.FAIL;
        e.activity(a.value(), a.caption());
        if (established != null) {
            e.status(established ? StatusId.SUCCESS : StatusId.FAILURE);
        }
    }

    private static ObjectNode md5(String value) {
        ObjectNode fp = io.protect.model.json.Json.MAPPER.createObjectNode();
        fp.put("algorithm_id", FingerprintAlgorithmId.MD5.value());
        fp.put("algorithm", FingerprintAlgorithmId.MD5.caption());
        fp.put("value", value);
        return fp;
    }
}
