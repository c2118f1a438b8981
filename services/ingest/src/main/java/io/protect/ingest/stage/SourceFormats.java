package io.protect.ingest.stage;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.ingest.stage.formats.CefDetection;
import io.protect.ingest.stage.formats.CloudTrailDetection;
import io.protect.ingest.stage.formats.GuardDutyDetection;
import io.protect.ingest.stage.formats.LeefDetection;
import io.protect.ingest.stage.formats.OktaDetection;
import io.protect.ingest.stage.formats.SysmonDetection;
import io.protect.ingest.stage.formats.WindowsSecurityDetection;
import io.protect.ingest.stage.formats.ZeekDetection;
import io.protect.model.events.SourceFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How ingest recognises each {@link SourceFormat} from content, and where each keeps its source IP
 * (a top-level key, else a dotted path into nested objects). {@code generic} is the fallback for
 * JSON no specific format claims.
 */
public final class SourceFormats {

    private record Rules(Predicate<JsonNode> detector, List<String> sourceIpFields) {
    }

    private static final Map<SourceFormat, Rules> RULES = new EnumMap<>(SourceFormat.class);

    static {
        // Suricata EVE JSON: every record has event_type and timestamp, and network records have src_ip or flow_id.
        rule(SourceFormat.SURICATA, a -> a.path("event_type").isTextual() && a.path("timestamp").isTextual()
                && (a.has("src_ip") || a.has("flow_id") || a.has("in_iface")), "src_ip");
        rule(SourceFormat.ZEEK, ZeekDetection::matches, "id.orig_h", "id_orig_h", "tx_hosts");
        rule(SourceFormat.WINDOWS, WindowsSecurityDetection::matches, "IpAddress", "winlog.event_data.IpAddress",
                "EventData.IpAddress", "source.ip");
        rule(SourceFormat.SYSMON, SysmonDetection::matches, "SourceIp", "winlog.event_data.SourceIp",
                "EventData.SourceIp", "source.ip");
        rule(SourceFormat.OKTA, OktaDetection::matches, "client.ipAddress");
        rule(SourceFormat.CLOUDTRAIL, CloudTrailDetection::matches, "sourceIPAddress");
        rule(SourceFormat.GUARDDUTY, GuardDutyDetection::matches,
                "service.action.networkConnectionAction.remoteIpDetails.ipAddressV4",
                "service.action.awsApiCallAction.remoteIpDetails.ipAddressV4",
                "service.action.portProbeAction.portProbeDetails.0.remoteIpDetails.ipAddressV4");
        rule(SourceFormat.CEF, CefDetection::matches, "extension.src", "extension.c6a2");
        rule(SourceFormat.LEEF, LeefDetection::matches, "extension.src", "extension.srcip");
        // Anything else that is a JSON object.
        rule(SourceFormat.GENERIC, a -> false, "src_ip", "source_ip", "sourceIp", "src", "client_ip");
    }

    private SourceFormats() {
    }

    private static void rule(SourceFormat format, Predicate<JsonNode> detector, String... sourceIpFields) {
        RULES.put(format, new Rules(detector, List.of(sourceIpFields)));
    }

    /** Whether the alert carries this format's signature fields. */
    public static boolean matches(SourceFormat format, JsonNode alert) {
        return RULES.get(format).detector().test(alert);
    }

    /** The alert's source IP where this format keeps it. */
    public static Optional<String> sourceIp(SourceFormat format, JsonNode alert) {
        for (String field : RULES.get(format).sourceIpFields()) {
            JsonNode v = alert.get(field);
            if (v == null && field.contains(".")) {
                v = alert.at("/" + field.replace('.', '/'));
            }
            if (v != null && v.isTextual() && !v.asText().isBlank() && !"-".equals(v.asText())) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }
}
