package io.protect.enrich.stage;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.enrich.Indicator;
import io.protect.enrich.IndicatorType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the indicators of a STIX 2.1 bundle whose patterns the local store can match exactly: one
 * or more comparisons joined by {@code OR}, each of
 * {@code ipv4-addr:value}/{@code ipv6-addr:value} ({@code =} an address, {@code ISSUBSET} a CIDR),
 * {@code domain-name:value =} and {@code file:hashes.'SHA-256'}/{@code file:hashes.MD5 =}.
 * Patterns with {@code AND}, {@code NOT}, {@code FOLLOWEDBY}, {@code LIKE}, {@code MATCHES} or
 * other object types are reported as rejected rather than matched too widely. Revoked and expired
 * ({@code valid_until} passed) indicators are left out. An indicator without {@code confidence}
 * gets {@value IndicatorCsvParser#DEFAULT_CONFIDENCE}; its threat is its {@code name}, else its
 * first {@code indicator_types} entry.
 */
public final class StixBundleParser {

    private static final Pattern COMPARISON = Pattern.compile(
            "([a-z0-9-]+):([A-Za-z0-9_.]+(?:'[^']*')?[A-Za-z0-9_.]*)\\s*(=|ISSUBSET)\\s*'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern UNSUPPORTED = Pattern.compile("\\b(AND|NOT|FOLLOWEDBY|LIKE|MATCHES|ISSUPERSET|WITHIN|REPEATS|START|STOP)\\b|!=|<|>");

    private StixBundleParser() {
    }

    public static ParsedFeed parse(JsonNode bundle, String source, Instant now) {
        List<Indicator> indicators = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        JsonNode objects = bundle.path("objects");
        if (!"bundle".equals(bundle.path("type").asText()) || !objects.isArray()) {
            return new ParsedFeed(List.of(), List.of(source + ": not a STIX bundle"));
        }
        for (JsonNode o : objects) {
            if (!"indicator".equals(o.path("type").asText())) {
                continue;
            }
            String id = o.path("id").asText("indicator");
            String where = source + ":" + id;
            if (o.path("revoked").asBoolean(false) || expired(o.path("valid_until").asText(null), now)) {
                continue;
            }
            String patternType = o.path("pattern_type").asText("stix");
            String pattern = o.path("pattern").asText("");
            if (!patternType.equals("stix") || pattern.isBlank()) {
                rejected.add(where + ": not a STIX pattern");
                continue;
            }
            String outsideQuotes = pattern.replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''");
            if (UNSUPPORTED.matcher(outsideQuotes).find()) {
                rejected.add(where + ": pattern not supported (only comparisons joined by OR): " + pattern);
                continue;
            }
            int confidence = o.hasNonNull("confidence") ? o.get("confidence").asInt() : IndicatorCsvParser.DEFAULT_CONFIDENCE;
            String threat = o.hasNonNull("name") ? o.get("name").asText()
                    : o.path("indicator_types").path(0).asText("unknown");
            Matcher m = COMPARISON.matcher(pattern);
            int found = 0;
            List<Indicator> fromThis = new ArrayList<>();
            boolean ok = true;
            while (m.find()) {
                found++;
                Optional<Indicator> indicator = type(m.group(1), m.group(2), m.group(3))
                        .flatMap(t -> IndicatorValues.indicator(t, m.group(4).replace("\\'", "'"), threat, confidence, source));
                if (indicator.isEmpty()) {
                    ok = false;
                    rejected.add(where + ": comparison not supported or value invalid: " + m.group());
                    break;
                }
                fromThis.add(indicator.get());
            }
            if (found == 0) {
                rejected.add(where + ": no comparison found in pattern " + pattern);
            } else if (ok) {
                indicators.addAll(fromThis);
            }
        }
        return new ParsedFeed(List.copyOf(indicators), List.copyOf(rejected));
    }

    /** The indicator type of {@code object:path operator}, when the store can match it. */
    private static Optional<IndicatorType> type(String object, String path, String operator) {
        String p = path.replace("'", "").toUpperCase(Locale.ROOT);
        switch (object) {
            case "ipv4-addr", "ipv6-addr" -> {
                if (p.equals("VALUE")) {
                    return Optional.of(operator.equals("ISSUBSET") ? IndicatorType.CIDR : IndicatorType.IP);
                }
            }
            case "domain-name" -> {
                if (p.equals("VALUE") && operator.equals("=")) {
                    return Optional.of(IndicatorType.DOMAIN);
                }
            }
            case "file" -> {
                if (operator.equals("=") && (p.equals("HASHES.SHA-256") || p.equals("HASHES.SHA256"))) {
                    return Optional.of(IndicatorType.SHA256);
                }
                if (operator.equals("=") && p.equals("HASHES.MD5")) {
                    return Optional.of(IndicatorType.MD5);
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean expired(String validUntil, Instant now) {
        if (validUntil == null) {
            return false;
        }
        try {
            return Instant.parse(validUntil).isBefore(now);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
