package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recognises a Windows Security event log record in Winlogbeat JSON, NXLog JSON or EventLog XML
 * parsed by {@link WindowsEventXmlParser}: an event id and the {@code Security} channel (any case:
 * some NXLog pipelines lower-case it), or, when no channel is given, the
 * {@code Microsoft-Windows-Security-Auditing} provider. A Sysmon event never matches, so the two
 * detectors never both claim one event.
 */
public final class WindowsSecurityDetection {

    static final String CHANNEL = "security";
    static final String AUDITING_PROVIDER = "microsoft-windows-security-auditing";

    private WindowsSecurityDetection() {
    }

    /** True for a parsed Security-channel event in any of the three forms. */
    public static boolean matches(JsonNode alert) {
        if (alert == null || !alert.isObject() || !WindowsEventFields.hasEventId(alert) || SysmonDetection.matches(alert)) {
            return false;
        }
        String channel = WindowsEventFields.channel(alert);
        return CHANNEL.equals(channel)
                || (channel.isEmpty() && AUDITING_PROVIDER.equals(WindowsEventFields.provider(alert)));
    }
}
