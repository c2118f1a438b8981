package io.protect.enrich;

import java.util.Objects;

/**
 * One threat intelligence indicator of the local store.
 *
 * @param type       what kind of observable it matches
 * @param value      the normalized value: an address, a CIDR, a lower-case domain or hash
 * @param threat     what the indicator means (malware family, "scanner", ...)
 * @param confidence 0-100, how sure the feed is
 * @param source     which feed it came from (file name, or "default" for the shipped feed)
 */
public record Indicator(IndicatorType type, String value, String threat, int confidence, String source) {
    public Indicator {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        confidence = Math.max(0, Math.min(100, confidence));
    }

    /** This indicator as a hit of an alert, with the alert's observable that matched it. */
    public io.protect.model.events.IntelHit hit(String matched) {
        return new io.protect.model.events.IntelHit(value, type.wire(), threat, confidence, source, matched);
    }
}
