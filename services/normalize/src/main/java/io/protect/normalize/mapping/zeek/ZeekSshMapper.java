package io.protect.normalize.mapping.zeek;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import io.protect.ocsf.model.enums.DirectionId;
import io.protect.ocsf.model.enums.FingerprintAlgorithmId;
import io.protect.ocsf.model.enums.SshActivityActivityId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.events.SshActivity;
import java.util.Locale;

/**
 * Zeek {@code ssh.log} → SSH Activity (4007).
 *
 * <ul>
 *   <li>{@code auth_success} true → activity Open, status Success; false → Fail, Failure; absent
 *       (Zeek could not tell) → Traffic.</li>
 *   <li>{@code version} → {@code protocol_ver}; {@code direction} (INBOUND/OUTBOUND, from Zeek's
 *       local networks) → {@code connection_info.direction_id} over the address-based guess;
 *       {@code hassh}/{@code hasshServer} (the HASSH package) → {@code client_hassh}/
 *       {@code server_hassh}.</li>
 *   <li>{@code client}/{@code server} software banners, the negotiated algorithms
 *       ({@code cipher_alg}, {@code mac_alg}, {@code kex_alg}, {@code host_key_alg},
 *       {@code compression_alg}), {@code host_key} and {@code auth_attempts} stay in unmapped.</li>
 * </ul>
 */
final class ZeekSshMapper extends ZeekMapper {

    ZeekSshMapper() {
        super("ssh", SshActivity.class, 4007, 4, "SSH Activity", NETWORK);
    }

    @Override
    void fill(ZeekEvent e) {
        e.endpoints();
        ObjectNode ci = e.connectionInfo(e.ev);
        e.put("app_protocol_name", "ssh");
        e.f.peekText("direction").ifPresent(d -> {
            DirectionId id = switch (d.toUpperCase(Locale.ROOT)) {
                case "INBOUND" -> DirectionId.INBOUND;
                case "OUTBOUND" -> DirectionId.OUTBOUND;
                default -> null;
            };
            if (id != null) {
                ci.put("direction_id", id.value());
                ci.put("direction", id.caption());
                e.f.consume("direction");
            }
        });
        e.text("version", "protocol_ver");
        e.f.takeText("hassh").ifPresent(h -> e.ev.set("client_hassh", hassh(h)));
        e.f.takeText("hasshServer").ifPresent(h -> e.ev.set("server_hassh", hassh(h)));
        Boolean ok = e.f.takeBoolean("auth_success").orElse(null);
        SshActivityActivityId a = ok == null ? SshActivityActivityId.TRAFFIC
                : ok ? SshActivityActivityId.OPEN : SshActivityActivityId.FAIL;
        e.activity(a.value(), a.caption());
        if (ok != null) {
            e.status(ok ? StatusId.SUCCESS : StatusId.FAILURE);
        }
    }

    private static ObjectNode hassh(String md5) {
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.putObject("fingerprint").put("algorithm_id", FingerprintAlgorithmId.MD5.value())
                .put("algorithm", FingerprintAlgorithmId.MD5.caption()).put("value", md5);
        return h;
    }
}
