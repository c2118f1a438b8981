package io.protect.normalize.mapping.zeek;

import io.protect.ocsf.model.enums.NetworkActivityActivityId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.events.NetworkActivity;

/**
 * Zeek {@code weird.log} → Network Activity (4001), activity Other, severity Low. A weird is a
 * protocol anomaly Zeek observed (a bad checksum, a truncated header), mostly benign noise in
 * volume, so it stays network telemetry rather than a Detection Finding; a weird Zeek promoted
 * to a notice arrives through notice.log as a finding.
 *
 * <ul>
 *   <li>{@code name} → {@code message} and {@code status_code}; {@code addl} →
 *       {@code status_detail}; the tuple and {@code uid} → endpoints and {@code connection_info}.</li>
 *   <li>{@code notice}, {@code peer}, {@code source} stay in unmapped.</li>
 * </ul>
 */
final class ZeekWeirdMapper extends ZeekMapper {

    ZeekWeirdMapper() {
        super("weird", NetworkActivity.class, 4001, 4, NETWORK, NETWORK);
    }

    @Override
    void fill(ZeekEvent e) {
        e.endpoints();
        e.connectionInfo(e.ev);
        e.activity(NetworkActivityActivityId.OTHER.value(), NetworkActivityActivityId.OTHER.caption());
        e.severity(SeverityId.LOW);
        e.f.takeText("name").ifPresent(n -> {
            e.message("Zeek weird: " + n);
            e.put("status_code", n);
        });
        e.text("addl", "status_detail");
    }
}
