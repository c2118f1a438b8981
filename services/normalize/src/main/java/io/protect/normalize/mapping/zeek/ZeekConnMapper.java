package io.protect.normalize.mapping.zeek;

import io.protect.ocsf.model.enums.NetworkActivityActivityId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.events.NetworkActivity;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Zeek {@code conn.log} → Network Activity (4001).
 *
 * <ul>
 *   <li>{@code conn_state} → activity: {@code SF} Close; {@code REJ} Refuse; {@code RSTO},
 *       {@code RSTR}, {@code RSTOS0}, {@code RSTRH} Reset; every other state (S0–S3, SH, SHR, OTH)
 *       Traffic. Status: SF Success, REJ Failure, others not stated. {@code status_code} is the
 *       state, {@code status_detail} Zeek's description of it.</li>
 *   <li>{@code history} → {@code connection_info.flag_history}; {@code proto}, {@code uid},
 *       {@code local_orig}/{@code local_resp} → {@code connection_info}; {@code service} →
 *       {@code app_protocol_name}.</li>
 *   <li>{@code orig_bytes}/{@code resp_bytes}/{@code orig_pkts}/{@code resp_pkts}/{@code missed_bytes}
 *       → {@code traffic} (out = originator → responder); {@code duration} → {@code duration} (ms),
 *       {@code start_time}/{@code end_time}; {@code orig_l2_addr}/{@code resp_l2_addr} → endpoint
 *       {@code mac}.</li>
 *   <li>Severity Informational (telemetry). {@code orig_ip_bytes}, {@code resp_ip_bytes},
 *       {@code tunnel_parents} and the rest stay in {@code unmapped}.</li>
 * </ul>
 */
final class ZeekConnMapper extends ZeekMapper {

    /** Zeek's conn_state descriptions (base/protocols/conn/main.zeek). */
    static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("S0", "Connection attempt seen, no reply"),
            Map.entry("S1", "Connection established, not terminated"),
            Map.entry("SF", "Normal establishment and termination"),
            Map.entry("REJ", "Connection attempt rejected"),
            Map.entry("S2", "Connection established and close attempt by originator seen (but no reply from responder)"),
            Map.entry("S3", "Connection established and close attempt by responder seen (but no reply from originator)"),
            Map.entry("RSTO", "Connection established, originator aborted (sent a RST)"),
            Map.entry("RSTR", "Responder sent a RST"),
            Map.entry("RSTOS0", "Originator sent a SYN followed by a RST, never saw a SYN-ACK from the responder"),
            Map.entry("RSTRH", "Responder sent a SYN ACK followed by a RST, never saw a SYN from the (purported) originator"),
            Map.entry("SH", "Originator sent a SYN followed by a FIN, never saw a SYN ACK from the responder"),
            Map.entry("SHR", "Responder sent a SYN ACK followed by a FIN, never saw a SYN from the originator"),
            Map.entry("OTH", "No SYN seen, just midstream traffic"));

    ZeekConnMapper() {
        super("conn", NetworkActivity.class, 4001, 4, NETWORK, NETWORK);
    }

    @Override
    void fill(ZeekEvent e) {
        e.endpoints();
        var ci = e.connectionInfo(e.ev);
        e.f.takeText("history").ifPresent(h -> ci.put("flag_history", h));
        e.text("service", "app_protocol_name");
        e.text("orig_l2_addr", "src_endpoint.mac");
        e.text("resp_l2_addr", "dst_endpoint.mac");
        traffic(e);
        String state = e.f.takeText("conn_state").orElse(null);
        NetworkActivityActivityId activity = activity(state);
        e.activity(activity.value(), activity.caption());
        if (state != null) {
            e.put("status_code", state);
            e.put("status_detail", STATES.get(state.toUpperCase(Locale.ROOT)));
            if (state.equals("SF")) {
                e.status(StatusId.SUCCESS);
            } else if (state.equals("REJ")) {
                e.status(StatusId.FAILURE);
            }
        }
    }

    /** Activity of a connection state, as documented on the class. */
    static NetworkActivityActivityId activity(String state) {
        if (state == null) {
            return NetworkActivityActivityId.TRAFFIC;
        }
        return switch (state.toUpperCase(Locale.ROOT)) {
            case "SF" -> NetworkActivityActivityId.CLOSE;
            case "REJ" -> NetworkActivityActivityId.REFUSE;
            case "RSTO", "RSTR", "RSTOS0", "RSTRH" -> NetworkActivityActivityId.RESET;
            default -> NetworkActivityActivityId.TRAFFIC;
        };
    }

    /** Byte and packet counts, duration, start and end. */
    static void traffic(ZeekEvent e) {
        Long out = e.f.takeLong("orig_bytes").orElse(null);
        Long in = e.f.takeLong("resp_bytes").orElse(null);
        Long pOut = e.f.takeLong("orig_pkts").orElse(null);
        Long pIn = e.f.takeLong("resp_pkts").orElse(null);
        Long missed = e.f.takeLong("missed_bytes").orElse(null);
        e.put("traffic.bytes_out", out);
        e.put("traffic.bytes_in", in);
        e.put("traffic.bytes", out != null && in != null ? out + in : null);
        e.put("traffic.packets_out", pOut);
        e.put("traffic.packets_in", pIn);
        e.put("traffic.packets", pOut != null && pIn != null ? pOut + pIn : null);
        e.put("traffic.bytes_missed", missed);
        BigDecimal duration = e.f.takeDecimal("duration").orElse(null);
        if (duration != null) {
            long ms = ZeekEvent.millis(duration);
            e.put("duration", ms);
            e.put("start_time", e.time);
            e.put("end_time", e.time + ms);
        }
    }
}
