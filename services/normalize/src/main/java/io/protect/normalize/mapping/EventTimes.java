package io.protect.normalize.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Reads sensor timestamps into OCSF times (epoch milliseconds) and offsets (minutes). Suricata
 * writes ISO-8601 with an offset without a colon ({@code 2015-06-03T15:25:17.013427+0000}); other
 * sources write {@code +00:00}, {@code Z}, or epoch seconds / milliseconds as numbers.
 */
public final class EventTimes {

    /** ISO local date-time, then an offset as {@code +HH:MM}, {@code +HHMM}, {@code +HH} or {@code Z}. */
    private static final DateTimeFormatter ISO_ANY_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    /** Epoch numbers below this are seconds, above it milliseconds (1e11 s is the year 5138). */
    private static final long SECONDS_LIMIT = 100_000_000_000L;

    private EventTimes() {
    }

    /** A parsed time: the instant and the offset the source wrote it in. */
    public record Parsed(Instant instant, int offsetMinutes) {
        public long epochMillis() {
            return instant.toEpochMilli();
        }
    }

    /** Parses an ISO-8601 date-time that carries an offset; empty when the text is not one. */
    public static Optional<Parsed> parseIso(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            var parsed = ISO_ANY_OFFSET.parse(text.trim());
            if (!parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Optional.empty(); // no offset: the instant would be a guess
            }
            OffsetDateTime t = OffsetDateTime.from(parsed);
            return Optional.of(new Parsed(t.toInstant(), t.getOffset().getTotalSeconds() / 60));
        } catch (java.time.DateTimeException e) { // includes DateTimeParseException
            return Optional.empty();
        }
    }

    /** Interprets an epoch number: seconds (possibly fractional, as Zeek writes) or milliseconds. */
    public static Optional<Parsed> fromEpoch(BigDecimal value) {
        if (value == null || value.signum() < 0) {
            return Optional.empty();
        }
        long millis = value.compareTo(BigDecimal.valueOf(SECONDS_LIMIT)) < 0
                ? value.movePointRight(3).longValue()
                : value.longValue();
        return Optional.of(new Parsed(Instant.ofEpochMilli(millis), 0));
    }
}
