package io.protect.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.ingest.stage.formats.CefDetection;
import io.protect.ingest.stage.formats.CloudTrailDetection;
import io.protect.ingest.stage.formats.GuardDutyDetection;
import io.protect.ingest.stage.formats.LeefDetection;
import io.protect.ingest.stage.formats.OktaDetection;
import io.protect.ingest.stage.formats.SysmonDetection;
import io.protect.ingest.stage.formats.WindowsSecurityDetection;
import io.protect.ingest.stage.formats.ZeekDetection;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The alert formats ingest recognises, with how each is detected from content and where its
 * source IP is (a top-level key, else a dotted path into nested objects). {@code generic} is the
 * fallback for JSON no specific format claims.
 */
public enum SourceFormat {
    /** Suricata EVE JSON: every record has event_type and timestamp, and network records have src_ip or flow_id. */
    SURICATA("suricata",
            a -> a.path("event_type").isTextual() && a.path("timestamp").isTextual()
                    && (a.has("src_ip") || a.has("flow_id") || a.has("in_iface")),
            "src_ip"),
    ZEEK("zeek", ZeekDetection::matches, "id.orig_h", "id_orig_h", "tx_hosts"),
    WINDOWS("windows", WindowsSecurityDetection::matches, "IpAddress", "winlog.event_data.IpAddress",
            "EventData.IpAddress", "source.ip"),
    SYSMON("sysmon", SysmonDetection::matches, "SourceIp", "winlog.event_data.SourceIp", "EventData.SourceIp",
            "source.ip"),
    OKTA("okta", OktaDetection::matches, "client.ipAddress"),
    CLOUDTRAIL("cloudtrail", CloudTrailDetection::matches, "sourceIPAddress"),
    GUARDDUTY("guardduty", GuardDutyDetection::matches,
            "service.action.networkConnectionAction.remoteIpDetails.ipAddressV4",
            "service.action.awsApiCallAction.remoteIpDetails.ipAddressV4",
            "service.action.portProbeAction.portProbeDetails.0.remoteIpDetails.ipAddressV4"),
    CEF("cef", CefDetection::matches, "extension.src", "extension.c6a2"),
    LEEF("leef", LeefDetection::matches, "extension.src", "extension.srcip"),
    /** Anything else that is a JSON object. */
    GENERIC("generic", a -> false, "src_ip", "source_ip", "sourceIp", "src", "client_ip");

    private final String wireName;
    private final Predicate<JsonNode> detector;
    private final List<String> sourceIpFields;

    SourceFormat(String wireName, Predicate<JsonNode> detector, String... sourceIpFields) {
        this.wireName = wireName;
        this.detector = detector;
        this.sourceIpFields = List.of(sourceIpFields);
    }

    /** The name used in the {@code source} query parameter and in events' {@code sourceFormat}. */
    public String wireName() {
        return wireName;
    }

    /** Whether the alert carries this format's signature fields. */
    public boolean matchesContent(JsonNode alert) {
        return detector.test(alert);
    }

    /** The alert's source IP where this format keeps it. */
    public Optional<String> sourceIp(JsonNode alert) {
        for (String field : sourceIpFields) {
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

    /** Parses the {@code source} parameter. */
    public static Optional<SourceFormat> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.wireName.equals(n)).findFirst();
    }

    /** Names of every format, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(SourceFormat::wireName).toList());
    }
}
