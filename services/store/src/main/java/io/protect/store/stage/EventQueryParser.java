package io.protect.store.stage;

import io.protect.model.ocsf.IpAddresses;
import io.protect.store.EventQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the query parameters of {@code GET /api/v1/events} into an {@link EventQuery}. Every
 * parameter is optional; a present but unusable one is an {@link InvalidParameterException} naming
 * it, never silently ignored (a dropped filter would show an analyst more than they asked for).
 *
 * <p>{@code since} (inclusive) and {@code until} (exclusive) bound the OCSF event time and are either
 * ISO-8601 instants ({@code 2024-11-22T16:00:00Z}, an offset instead of {@code Z} is accepted) or
 * epoch milliseconds ({@code 1732291200000}), the unit of OCSF's own {@code time}.
 */
public final class EventQueryParser {

    private final int defaultLimit;
    private final int maxLimit;

    public EventQueryParser(int defaultLimit, int maxLimit) {
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    /** Raw parameter values as received; {@code null} means absent. */
    public record Raw(String classUid, String severityId, String since, String until, String srcIp, String limit,
            String cursor) {
    }

    public EventQuery parse(Raw raw) {
        Instant since = instant("since", raw.since());
        Instant until = instant("until", raw.until());
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidParameterException("until", "must be after since");
        }
        return new EventQuery(
                integer("class_uid", raw.classUid(), 0, Integer.MAX_VALUE),
                integer("severity_id", raw.severityId(), 0, 99),
                since,
                until,
                ip(raw.srcIp()),
                raw.limit() == null ? defaultLimit : integer("limit", raw.limit(), 1, maxLimit),
                blank(raw.cursor()) ? Optional.empty() : Optional.of(PageCursors.decode(raw.cursor().trim())));
    }

    private static Integer integer(String name, String value, int min, int max) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new InvalidParameterException(name, "must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "not an integer: '" + value + "'");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(name, "epoch milliseconds out of range: '" + value + "'");
            }
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name,
                    "neither an ISO-8601 instant (2024-11-22T16:00:00Z) nor epoch milliseconds: '" + value + "'");
        }
    }

    private static String ip(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (!IpAddresses.isIpAddress(v) || v.indexOf('%') >= 0) {
            throw new InvalidParameterException("src_ip", "not an IPv4 or IPv6 address: '" + value + "'");
        }
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
