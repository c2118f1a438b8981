package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Reads the identifying system fields of a Windows event in any of its three parsed forms:
 * Winlogbeat/Elastic Agent ECS JSON ({@code winlog.channel}, {@code winlog.provider_name},
 * {@code winlog.event_id}), NXLog {@code im_msvistalog} JSON (flat {@code Channel},
 * {@code SourceName}/{@code ProviderName}, {@code EventID}) and EventLog XML parsed by
 * {@link WindowsEventXmlParser} ({@code System.Channel}, {@code System.Provider.Name},
 * {@code System.EventID}). Shared by the Windows Security and Sysmon detectors.
 */
final class WindowsEventFields {

    private WindowsEventFields() {
    }

    /** The channel (log name), lower-cased; empty when absent. */
    static String channel(JsonNode e) {
        return lower(first(e.path("winlog").path("channel"), e.path("Channel"), e.path("System").path("Channel")));
    }

    /** The provider (source) name, lower-cased; empty when absent. */
    static String provider(JsonNode e) {
        return lower(first(e.path("winlog").path("provider_name"), e.path("SourceName"), e.path("ProviderName"),
                e.path("System").path("Provider").path("Name")));
    }

    /** True when the event carries a Windows event id in one of the three forms. */
    static boolean hasEventId(JsonNode e) {
        return isId(e.path("winlog").path("event_id")) || isId(e.path("EventID")) || isId(e.path("System").path("EventID"));
    }

    private static boolean isId(JsonNode n) {
        return (n.isIntegralNumber()) || (n.isTextual() && n.asText().trim().matches("\\d{1,5}"));
    }

    private static String first(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isTextual() && !n.asText().isBlank()) {
                return n.asText().trim();
            }
        }
        return "";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
