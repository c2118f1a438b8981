package io.protect.enrich;

import java.util.Locale;
import java.util.Optional;

/** The kinds of threat intelligence indicators the local store matches. */
public enum IndicatorType {
    IP, CIDR, DOMAIN, SHA256, MD5;

    /** The wire name used in intel hits and CSV feeds. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a CSV feed's type column; a few common spellings are accepted. */
    public static Optional<IndicatorType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT).replace("_", "-")) {
            case "ip", "ipv4", "ipv6", "ipv4-addr", "ipv6-addr" -> Optional.of(IP);
            case "cidr", "net", "network", "subnet" -> Optional.of(CIDR);
            case "domain", "domain-name", "hostname", "fqdn" -> Optional.of(DOMAIN);
            case "sha256", "sha-256" -> Optional.of(SHA256);
            case "md5" -> Optional.of(MD5);
            default -> Optional.empty();
        };
    }
}
