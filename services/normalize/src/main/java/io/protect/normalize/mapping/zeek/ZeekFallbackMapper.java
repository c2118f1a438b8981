package io.protect.normalize.mapping.zeek;

import io.protect.ocsf.model.events.BaseEvent;
import io.protect.ocsf.model.events.NetworkActivity;

/**
 * Any other Zeek record: a log type without a dedicated mapper (dhcp, rdp, ftp, ...), a record
 * whose fields name no log type, or one that lacks what its class requires (an smtp record with no
 * address). With a connection tuple it is a Network Activity (4001, activity Other) with
 * endpoints, connection info and {@code app_protocol_name} = the log type; without one a Base
 * Event (0). Everything else stays in {@code unmapped}.
 */
final class ZeekFallbackMapper extends ZeekMapper {

    private final boolean network;

    private ZeekFallbackMapper(String logType, boolean network) {
        super(logType, network ? NetworkActivity.class : BaseEvent.class, network ? 4001 : 0, network ? 4 : 0,
                network ? NETWORK : "Base Event", network ? NETWORK : "Uncategorized");
        this.network = network;
    }

    /** Network Activity when there is an endpoint to carry, else Base Event. */
    static ZeekFallbackMapper of(String logType, boolean hasTuple) {
        return new ZeekFallbackMapper(logType, hasTuple);
    }

    @Override
    void fill(ZeekEvent e) {
        e.activity(99, "Other");
        if (network) {
            e.endpoints();
            e.connectionInfo(e.ev);
            if (logType() != null) {
                e.put("app_protocol_name", logType());
            }
            e.message("Zeek " + (logType() != null ? logType() : "connection") + " record");
        } else {
            e.message("Zeek " + (logType() != null ? logType() : "") + " record");
        }
    }
}
