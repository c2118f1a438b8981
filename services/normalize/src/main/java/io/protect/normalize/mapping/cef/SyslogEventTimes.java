package io.protect.normalize.mapping.cef;

import io.protect.normalize.mapping.EventTimes;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time stamps CEF and LEEF senders write into epoch milliseconds and offsets. Pure.
 *
 * <p>Accepted forms: epoch milliseconds (CEF's {@code rt=1629500007043}; ten digits or fewer are
 * read as seconds); ISO-8601 with an offset; {@code MMM dd yyyy HH:mm:ss[.SSS]} (CEF's other
 * {@code rt} form), {@code dd MMMM yyyy HH:mm:ss}, {@code yyyy-MM-dd HH:mm:ss[.ffffff]} and
 * {@code yyyy-MM-ddTHH:mm:ss[.ffffff]}, each optionally followed by a zone: {@code GMT+00:00},
 * {@code +0200}, {@code Z} or one of the abbreviations in {@link #ZONES}. A LEEF
 * {@code devTimeFormat} (a Java date pattern) is tried first when given.
 *
 * <p>A time without any zone is read in the zone the event names ({@code dtz=UTC}) or, failing
 * that, as UTC: the sender did not say, and UTC is what CEF's ArcSight receivers assume.
 */
public final class SyslogEventTimes {

    /** Zone abbreviations senders write, with their fixed offsets (daylight time included). */
    static final Map<String, ZoneOffset> ZONES = Map.ofEntries(
            Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC), Map.entry("Z", ZoneOffset.UTC),
            Map.entry("WET", ZoneOffset.UTC), Map.entry("WEST", ZoneOffset.ofHours(1)),
            Map.entry("CET", ZoneOffset.ofHours(1)), Map.entry("CEST", ZoneOffset.ofHours(2)),
            Map.entry("EET", ZoneOffset.ofHours(2)), Map.entry("EEST", ZoneOffset.ofHours(3)),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)), Map.entry("JST", ZoneOffset.ofHours(9)));

    private static final Pattern ZONE_SUFFIX = Pattern.compile(
            "^(.*?\\d)\\s*(GMT[+-]\\d{1,2}(?::?\\d{2})?|UTC[+-]\\d{1,2}(?::?\\d{2})?|[+-]\\d{2}:?\\d{2}|Z|[A-Z]{2,5})$");

    private static final List<DateTimeFormatter> LOCAL_FORMS = List.of(
            formatter("MMM d yyyy HH:mm:ss"),
            formatter("d MMMM yyyy HH:mm:ss"),
            formatter("yyyy-MM-dd HH:mm:ss"),
            formatter("yyyy-MM-dd'T'HH:mm:ss"));

    private SyslogEventTimes() {
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                .toFormatter(Locale.ENGLISH);
    }

    /**
     * Parses a sender's time stamp.
     *
     * @param text the value as written
     * @param pattern a LEEF {@code devTimeFormat}, or null
     * @param zoneHint the event's own zone name ({@code dtz}), or null
     */
    public static Optional<EventTimes.Parsed> parse(String text, String pattern, String zoneHint) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.matches("\\d{9,13}")) {
            return EventTimes.fromEpoch(new BigDecimal(t));
        }
        if (pattern != null && !pattern.isBlank()) {
            Optional<EventTimes.Parsed> p = withPattern(t, pattern);
            if (p.isPresent()) {
                return p;
            }
        }
        Optional<EventTimes.Parsed> iso = EventTimes.parseIso(t);
        if (iso.isPresent()) {
            return iso;
        }
        ZoneOffset offset = null;
        String local = t;
        Matcher z = ZONE_SUFFIX.matcher(t);
        if (z.matches()) {
            offset = offset(z.group(2));
            if (offset == null) {
                return Optional.empty(); // a zone we cannot read: better no time than a wrong one
            }
            local = z.group(1);
        }
        if (offset == null) {
            offset = zoneHint == null ? ZoneOffset.UTC : offset(zoneHint.strip());
            if (offset == null) {
                return Optional.empty();
            }
        }
        for (DateTimeFormatter f : LOCAL_FORMS) {
            try {
                LocalDateTime ldt = LocalDateTime.parse(local, f);
                return Optional.of(new EventTimes.Parsed(ldt.toInstant(offset), offset.getTotalSeconds() / 60));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static Optional<EventTimes.Parsed> withPattern(String text, String pattern) {
        try {
            DateTimeFormatter f = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                    .toFormatter(Locale.ENGLISH);
            var parsed = f.parse(text);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                ZonedDateTime zdt = ZonedDateTime.from(parsed);
                return Optional.of(new EventTimes.Parsed(zdt.toInstant(), zdt.getOffset().getTotalSeconds() / 60));
            }
            return Optional.empty();
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty(); // the pattern or the text does not fit: the generic forms decide
        }
    }

    /** The offset of a zone text: GMT+hh:mm, UTC+h, +hhmm, Z, an abbreviation, or a region id. */
    static ZoneOffset offset(String zone) {
        String z = zone.toUpperCase(Locale.ROOT);
        if (ZONES.containsKey(z)) {
            return ZONES.get(z);
        }
        String numeric = z.startsWith("GMT") || z.startsWith("UTC") ? z.substring(3) : z;
        if (numeric.matches("[+-]\\d{1,2}(:?\\d{2})?")) {
            String sign = numeric.substring(0, 1);
            String digits = numeric.substring(1).replace(":", "");
            int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
            int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
            int total = hours * 60 + minutes;
            return ZoneOffset.ofTotalSeconds(("-".equals(sign) ? -total : total) * 60);
        }
        try {
            ZoneId id = ZoneId.of(zone);
            return id.getRules().isFixedOffset() ? id.getRules().getOffset(java.time.Instant.EPOCH) : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
