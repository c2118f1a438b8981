package io.protect.model.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats an alert arrives in, by the name every event carries in {@code sourceFormat}: what
 * ingest detected (or was told with {@code ?source=}) and what normalize picks its mapping by.
 * {@link #GENERIC} is any JSON object no specific format claims.
 */
public enum SourceFormat {
    /** Suricata EVE JSON. */
    SURICATA("suricata"),
    /** Zeek logs (JSON or TSV). */
    ZEEK("zeek"),
    /** Windows Security event log (Winlogbeat, NXLog or EventLog XML). */
    WINDOWS("windows"),
    /** Sysmon, from the Windows event log. */
    SYSMON("sysmon"),
    /** Okta System Log. */
    OKTA("okta"),
    /** AWS CloudTrail records. */
    CLOUDTRAIL("cloudtrail"),
    /** AWS GuardDuty findings. */
    GUARDDUTY("guardduty"),
    /** ArcSight Common Event Format. */
    CEF("cef"),
    /** IBM QRadar Log Event Extended Format. */
    LEEF("leef"),
    /** Anything else that is a JSON object. */
    GENERIC("generic");

    private final String wireName;

    SourceFormat(String wireName) {
        this.wireName = wireName;
    }

    /** The name in events' {@code sourceFormat} and in ingest's {@code source} parameter. */
    public String wireName() {
        return wireName;
    }

    /** The format with this name, if there is one. */
    public static Optional<SourceFormat> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.wireName.equals(n)).findFirst();
    }

    /**
     * The format an event names; a name this build does not know (a newer ingest's format) is read
     * as {@link #GENERIC}, which every stage can still handle, rather than refused.
     */
    public static SourceFormat fromWire(String name) {
        return byName(name).orElse(GENERIC);
    }

    /** Names of every format, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(SourceFormat::wireName).toList());
    }
}
