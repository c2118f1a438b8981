package io.protect.normalize.mapping.suricataeve;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.SuricataAlertMapper;
import java.util.EnumMap;
import java.util.Map;

/**
 * Entry point for Suricata EVE (source format {@code suricata}): the mapper for one EVE record by
 * its {@code event_type} — {@code alert} keeps {@link SuricataAlertMapper}, every other type gets
 * the {@link SuricataEventMapper} of its row in the table documented there (an application-layer
 * type without its own row becomes Network Activity).
 */
public final class SuricataEventMappers {

    private static final AlertMapper ALERT = new SuricataAlertMapper();
    private static final Map<SuricataEventMapper.Type, SuricataEventMapper> MAPPERS = new EnumMap<>(SuricataEventMapper.Type.class);

    static {
        for (SuricataEventMapper.Type t : SuricataEventMapper.Type.values()) {
            MAPPERS.put(t, new SuricataEventMapper(t));
        }
    }

    private SuricataEventMappers() {
    }

    /** The mapper for an EVE record. */
    public static AlertMapper forEvent(JsonNode alert) {
        String eventType = alert == null ? "" : alert.path("event_type").asText("");
        if (eventType.equals("alert")) {
            return ALERT;
        }
        return MAPPERS.get(typeOf(eventType));
    }

    /** The mapping row of an event type. */
    public static SuricataEventMapper.Type typeOf(String eventType) {
        return switch (eventType) {
            case "flow", "netflow" -> SuricataEventMapper.Type.FLOW;
            case "dns" -> SuricataEventMapper.Type.DNS;
            case "http" -> SuricataEventMapper.Type.HTTP;
            case "tls" -> SuricataEventMapper.Type.TLS;
            case "fileinfo" -> SuricataEventMapper.Type.FILEINFO;
            case "anomaly" -> SuricataEventMapper.Type.ANOMALY;
            case "ftp" -> SuricataEventMapper.Type.FTP;
            case "smb" -> SuricataEventMapper.Type.SMB;
            case "ssh" -> SuricataEventMapper.Type.SSH;
            case "rdp" -> SuricataEventMapper.Type.RDP;
            case "stats" -> SuricataEventMapper.Type.STATS;
            default -> SuricataEventMapper.Type.APP_LAYER;
        };
    }
}
