package io.protect.normalize.mapping.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The generic "no source field lost" check of the corpus tests: every leaf of the source event is
 * either still under {@code unmapped} with its value, or was consumed and its value shows up in
 * the mapped OCSF event (outside {@code raw_data} and {@code unmapped}) literally, as a number
 * (decimal or {@code 0x} hex), without GUID braces, as part of a longer value (a domain in an FQDN)
 * or as a part of it (a {@code DOMAIN\name} split) — unless the leaf is one of the documented
 * derived fields whose value is translated rather than copied (times, levels, audit keywords).
 */
public final class NothingLost {

    /** Source leaves whose value is translated (time → epoch, level → severity_id, keyword → status_id). */
    static final Set<String> DERIVED = Set.of(
            "System.TimeCreated.SystemTime", "EventTime", "@timestamp", "winlog.time_created",
            "System.Level", "SeverityValue", "Severity", "log.level",
            "System.Keywords", "EventType", "winlog.keywords[0]",
            "UtcTime", "winlog.event_data.UtcTime", "EventData.UtcTime",
            "CreationUtcTime", "winlog.event_data.CreationUtcTime", "EventData.CreationUtcTime",
            "LogonType", "winlog.event_data.LogonType", "EventData.LogonType",
            "MandatoryLabel", "winlog.event_data.MandatoryLabel", "EventData.MandatoryLabel",
            "IntegrityLevel", "winlog.event_data.IntegrityLevel", "EventData.IntegrityLevel",
            "Hashes", "winlog.event_data.Hashes", "EventData.Hashes",
            "QueryResults", "winlog.event_data.QueryResults", "EventData.QueryResults",
            "User", "winlog.event_data.User", "EventData.User",
            "AuthenticationPackageName", "winlog.event_data.AuthenticationPackageName", "EventData.AuthenticationPackageName",
            "PrivilegeList", "winlog.event_data.PrivilegeList", "EventData.PrivilegeList",
            "SubStatus", "winlog.event_data.SubStatus", "EventData.SubStatus",
            "Status", "winlog.event_data.Status", "EventData.Status",
            "QueryStatus", "winlog.event_data.QueryStatus", "EventData.QueryStatus");

    private NothingLost() {
    }

    /** Asserts the check for one mapped event. */
    public static void check(String label, JsonNode source, JsonNode ocsf) {
        Map<String, JsonNode> in = WindowsEventSamples.leaves(source);
        JsonNode unmapped = ocsf.path("unmapped");
        Map<String, JsonNode> kept = unmapped.isObject() ? WindowsEventSamples.leaves(unmapped) : Map.of();
        ObjectNode mapped = ((ObjectNode) ocsf).deepCopy();
        mapped.remove("raw_data");
        mapped.remove("unmapped");
        Set<String> texts = new HashSet<>();
        WindowsEventSamples.leaves(mapped).values().forEach(v -> texts.add(v.asText()));
        for (Map.Entry<String, JsonNode> leaf : in.entrySet()) {
            String path = leaf.getKey();
            if (kept.containsKey(path)) {
                assertEquals(leaf.getValue(), kept.get(path), label + ": " + path + " changed in unmapped");
                continue;
            }
            if (DERIVED.contains(path.replaceAll("\\[\\d+]$", "[0]")) || DERIVED.contains(path)) {
                continue;
            }
            String v = leaf.getValue().asText().trim();
            assertTrue(appears(v, texts), () -> label + ": " + path + " = " + v + " was consumed but is nowhere in the OCSF event");
        }
    }

    static boolean appears(String v, Set<String> texts) {
        if (v.isEmpty() || texts.contains(v)) {
            return true;
        }
        String unbraced = v.startsWith("{") && v.endsWith("}") ? v.substring(1, v.length() - 1) : v;
        if (texts.contains(unbraced) || texts.contains(unbraced.toLowerCase(Locale.ROOT))) {
            return true;
        }
        var n = WinEvent.parseInt(v);
        if (n.isPresent() && texts.contains(Integer.toString(n.get()))) {
            return true;
        }
        for (String t : texts) {
            if (t.length() > v.length() && t.contains(v)) {
                return true;
            }
        }
        return false;
    }
}
