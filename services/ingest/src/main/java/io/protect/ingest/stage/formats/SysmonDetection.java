package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recognises a Sysmon event (provider {@code Microsoft-Windows-Sysmon}, channel
 * {@code Microsoft-Windows-Sysmon/Operational}) in Winlogbeat JSON, NXLog JSON or EventLog XML
 * parsed by {@link WindowsEventXmlParser}: an event id plus the Sysmon provider or channel.
 */
public final class SysmonDetection {

    static final String PROVIDER = "microsoft-windows-sysmon";
    static final String CHANNEL = "microsoft-windows-sysmon/operational";

    private SysmonDetection() {
    }

    /** True for a parsed Sysmon event in any of the three forms. */
    public static boolean matches(JsonNode alert) {
        if (alert == null || !alert.isObject() || !WindowsEventFields.hasEventId(alert)) {
            return false;
        }
        return PROVIDER.equals(WindowsEventFields.provider(alert)) || CHANNEL.equals(WindowsEventFields.channel(alert));
    }
}
