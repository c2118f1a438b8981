package io.protect.enrich.stage;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.SourceFormat;
import io.protect.enrich.Observables;
import io.protect.enrich.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads from a sensor's alert what enrichment can look up: addresses (Suricata {@code src_ip} /
 * {@code dest_ip}, Zeek {@code id.orig_h} / {@code id.resp_h}, generic {@code source_ip} /
 * {@code destination_ip}), host names (HTTP host, DNS query names, TLS SNI), file hashes
 * ({@code fileinfo.sha256}/{@code md5} or top-level), a user name and the severity.
 *
 * <p>Severity: Suricata's {@code alert.severity} is 1 (high) to 3 (low), so 1 is HIGH, 2 MEDIUM,
 * 3 LOW and anything larger INFO. A generic top-level {@code severity} is either a word
 * (critical, high, medium, low, info/informational) or a number on the 0-10 scale CVSS uses
 * (9+ critical, 7+ high, 4+ medium, above 0 low, 0 info).
 */
public final class ObservableExtractor {

    private static final List<String> SOURCE_IP = List.of("src_ip", "id.orig_h", "source_ip", "sourceIp", "src");
    private static final List<String> DEST_IP = List.of("dest_ip", "id.resp_h", "destination_ip", "destinationIp",
            "dst_ip", "dst");
    private static final List<String> USER = List.of("user", "username", "user_name", "userName", "account_name",
            "TargetUserName");

    private ObservableExtractor() {
    }

    /**
     * @param sourceFormat the sensor format the alert is in
     * @param sourceIp     the source address ingest recorded, used when the alert has none
     * @param alert        the sensor's alert
     */
    public static Observables extract(SourceFormat sourceFormat, String sourceIp, JsonNode alert) {
        String src = first(alert, SOURCE_IP, ObservableExtractor::ip).orElseGet(() -> IpAddresses.canonical(sourceIp).orElse(null));
        String dest = first(alert, DEST_IP, ObservableExtractor::ip).orElse(null);
        return new Observables(src, dest, hostnames(alert), hashes(alert), user(alert).orElse(null),
                severity(sourceFormat, alert).orElse(null));
    }

    static Optional<Severity> severity(SourceFormat sourceFormat, JsonNode alert) {
        JsonNode suricata = alert.path("alert").path("severity");
        if (suricata.isIntegralNumber() || (sourceFormat == SourceFormat.SURICATA && suricata.isTextual())) {
            int s = suricata.asInt(0);
            return Optional.of(switch (s) {
                case 1 -> Severity.HIGH;
                case 2 -> Severity.MEDIUM;
                case 3 -> Severity.LOW;
                default -> s < 1 ? Severity.HIGH : Severity.INFO;
            });
        }
        JsonNode generic = alert.path("severity");
        if (generic.isNumber()) {
            return Optional.of(fromScore(generic.asDouble()));
        }
        if (generic.isTextual()) {
            String word = generic.asText().trim().toLowerCase(Locale.ROOT);
            return switch (word) {
                case "critical", "fatal", "emergency" -> Optional.of(Severity.CRITICAL);
                case "high", "error", "severe" -> Optional.of(Severity.HIGH);
                case "medium", "moderate", "warning" -> Optional.of(Severity.MEDIUM);
                case "low" -> Optional.of(Severity.LOW);
                case "info", "informational", "none" -> Optional.of(Severity.INFO);
                default -> {
                    try {
                        yield Optional.of(fromScore(Double.parseDouble(word)));
                    } catch (NumberFormatException e) {
                        yield Optional.empty();
                    }
                }
            };
        }
        return Optional.empty();
    }

    private static Severity fromScore(double score) {
        if (score >= 9) {
            return Severity.CRITICAL;
        }
        if (score >= 7) {
            return Severity.HIGH;
        }
        if (score >= 4) {
            return Severity.MEDIUM;
        }
        return score > 0 ? Severity.LOW : Severity.INFO;
    }

    private static List<String> hostnames(JsonNode alert) {
        List<String> names = new ArrayList<>();
        Stream.of(alert.path("http").path("hostname"), alert.path("dns").path("rrname"),
                alert.path("tls").path("sni"), alert.path("query"))
                .forEach(n -> add(names, n));
        // Suricata EVE DNS v2/v3: dns.query[] and dns.queries[] carry the names asked for.
        for (String list : List.of("query", "queries")) {
            JsonNode q = alert.path("dns").path(list);
            if (q.isArray()) {
                q.forEach(e -> add(names, e.path("rrname")));
            }
        }
        return List.copyOf(names);
    }

    private static void add(List<String> names, JsonNode node) {
        if (node.isTextual()) {
            IndicatorValues.domain(node.asText()).filter(d -> !names.contains(d)).ifPresent(names::add);
        }
    }

    private static List<String> hashes(JsonNode alert) {
        List<String> out = new ArrayList<>();
        for (JsonNode holder : List.of(alert.path("fileinfo"), alert)) {
            for (String field : List.of("sha256", "md5")) {
                JsonNode v = holder.path(field);
                if (v.isTextual()) {
                    String h = v.asText().trim().toLowerCase(Locale.ROOT);
                    if (h.matches("[0-9a-f]{32}|[0-9a-f]{64}") && !out.contains(h)) {
                        out.add(h);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static Optional<String> user(JsonNode alert) {
        for (String field : USER) {
            JsonNode v = alert.path(field);
            if (v.isObject()) {
                v = v.path("name");
            }
            if (v.isTextual() && !v.asText().isBlank() && !v.asText().equals("-")) {
                return Optional.of(v.asText().trim());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ip(JsonNode node) {
        return node.isTextual() ? IpAddresses.canonical(node.asText()) : Optional.empty();
    }

    /** The first of several fields (a dotted name is one Zeek field, not a path) that yields a value. */
    private static Optional<String> first(JsonNode alert, List<String> fields, Function<JsonNode, Optional<String>> read) {
        for (String f : fields) {
            Optional<String> v = read.apply(alert.path(f));
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }
}
