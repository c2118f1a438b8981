package io.protect.enrich.stage;

import io.protect.enrich.Indicator;
import io.protect.enrich.IndicatorType;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates an indicator's value for its type and brings it to the form the index compares. */
final class IndicatorValues {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\\.)*[a-z0-9_-]{1,63}");

    private IndicatorValues() {
    }

    /**
     * The indicator, or empty when the value is not what its type says. An address with a prefix is
     * a CIDR whatever the type column claims (feeds mix them).
     */
    static Optional<Indicator> indicator(IndicatorType type, String rawValue, String threat, int confidence,
            String source) {
        if (rawValue == null) {
            return Optional.empty();
        }
        String value = rawValue.trim();
        Optional<String> normalized = switch (type) {
            case IP, CIDR -> value.contains("/")
                    ? Cidr.parse(value).map(c -> c.prefix() == c.network().getAddress().length * 8
                            ? c.network().getHostAddress() : c.toString())
                    : IpAddresses.canonical(value);
            case DOMAIN -> domain(value);
            case SHA256 -> Optional.of(value.toLowerCase(Locale.ROOT)).filter(v -> SHA256.matcher(v).matches());
            case MD5 -> Optional.of(value.toLowerCase(Locale.ROOT)).filter(v -> MD5.matcher(v).matches());
        };
        return normalized.map(v -> new Indicator(
                (type == IndicatorType.IP || type == IndicatorType.CIDR) ? (v.contains("/") ? IndicatorType.CIDR : IndicatorType.IP) : type,
                v, threat == null || threat.isBlank() ? "unknown" : threat.trim(), confidence, source));
    }

    /** A host name in lower case without a trailing dot; empty when it is not one. */
    static Optional<String> domain(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String d = text.trim().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.isEmpty() || d.length() > 253 || IpAddresses.parse(d).isPresent() || !DOMAIN.matcher(d).matches()) {
            return Optional.empty();
        }
        return Optional.of(d);
    }
}
