package io.protect.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A defensive reader of enrich's {@code enrichment} object. Only {@code partial} and
 * {@code risk.score} are required by the AlertEnriched schema; geo, intel, user and asset are free
 * objects whose shape enrich may refine, so every accessor tolerates absence and accepts the usual
 * spellings (documented per method) instead of assuming one.
 */
public final class EnrichmentView {

    private final JsonNode node;
    private final String sourceIp;

    /**
     * @param node the enrichment object (a missing node when there is none)
     * @param sourceIp the payload's source IP, which a flat (single-address) geo object describes
     */
    public EnrichmentView(JsonNode node, String sourceIp) {
        this.node = node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
        this.sourceIp = sourceIp;
    }

    /** The whole enrichment object, or a missing node. */
    public JsonNode raw() {
        return node;
    }

    public boolean partial() {
        return node.path("partial").asBoolean(false);
    }

    /** The risk score 0–100 enrich computed. */
    public OptionalInt riskScore() {
        JsonNode s = node.path("risk").path("score");
        return s.isNumber() ? OptionalInt.of((int) Math.round(s.asDouble())) : OptionalInt.empty();
    }

    /** The risk factors ({@code name}, {@code contribution}). */
    public List<JsonNode> riskFactors() {
        return list(node.path("risk").path("factors"));
    }

    /**
     * The geo object of one address. Accepted shapes of {@code geo}: keyed by the address itself
     * ({@code {"1.2.3.4": {...}}}); keyed by role ({@code src}/{@code source}/{@code src_ip} and
     * {@code dst}/{@code dest}/{@code destination}/{@code dest_ip}); an array of objects with an
     * {@code ip}; or one flat object, which describes its {@code ip} if it names one, else the
     * payload's source IP.
     */
    public Optional<JsonNode> geoFor(String ip, boolean source) {
        JsonNode geo = node.path("geo");
        if (ip == null) {
            return Optional.empty();
        }
        if (geo.isArray()) {
            for (JsonNode g : geo) {
                if (g.isObject() && ip.equals(g.path("ip").asText(null))) {
                    return Optional.of(g);
                }
            }
            return Optional.empty();
        }
        if (!geo.isObject() || geo.isEmpty()) {
            return Optional.empty();
        }
        if (geo.path(ip).isObject()) {
            return Optional.of(geo.get(ip));
        }
        List<String> roles = source ? List.of("src", "source", "src_ip", "srcIp", "sourceIp")
                : List.of("dst", "dest", "destination", "dest_ip", "dst_ip", "destIp", "destinationIp");
        for (String role : roles) {
            JsonNode g = geo.path(role);
            if (g.isObject() && (!g.has("ip") || ip.equals(g.path("ip").asText()))) {
                return Optional.of(g);
            }
        }
        if (looksLikeGeo(geo)) {
            String described = geo.path("ip").asText(sourceIp);
            return ip.equals(described) ? Optional.of(geo) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The threat-intel hits (each an object); an empty list when there are none. */
    public List<JsonNode> intel() {
        List<JsonNode> hits = new ArrayList<>();
        for (JsonNode h : list(node.path("intel"))) {
            if (h.isObject()) {
                hits.add(h);
            }
        }
        return hits;
    }

    /** The user context object, when present and not empty. */
    public Optional<JsonNode> user() {
        return object(node.path("user"));
    }

    /** The asset context object, when present and not empty. */
    public Optional<JsonNode> asset() {
        return object(node.path("asset"));
    }

    // ------------------------------------------------------------- field spellings

    /** The first non-blank text among candidate fields (dotted paths allowed). */
    public static Optional<String> text(JsonNode obj, String... fields) {
        for (String f : fields) {
            JsonNode v = at(obj, f);
            if (v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }

    /** The first number (or numeric text) among candidate fields. */
    public static OptionalDouble number(JsonNode obj, String... fields) {
        for (String f : fields) {
            JsonNode v = at(obj, f);
            if (v.isNumber()) {
                return OptionalDouble.of(v.asDouble());
            }
            if (v.isTextual()) {
                try {
                    return OptionalDouble.of(Double.parseDouble(v.asText().trim()));
                } catch (NumberFormatException e) {
                    // not a number: try the next spelling
                }
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * The value of the alert an intel hit is about: what matched ({@code matched}, e.g. the address
     * inside a CIDR indicator), else the indicator itself.
     */
    public static Optional<String> indicator(JsonNode hit) {
        return text(hit, "matched", "indicator", "value", "ioc", "ip", "domain", "url", "hash");
    }

    /** An intel hit's score on 0–100 ({@code score}, {@code reputation}, {@code risk}, {@code confidence}). */
    public static OptionalDouble intelScore(JsonNode hit) {
        OptionalDouble direct = number(hit, "score", "reputation", "risk", "risk_score", "riskScore", "confidence");
        if (direct.isPresent()) {
            return direct;
        }
        return number(hit, "reputation.score", "reputation.base_score");
    }

    /** Who supplied an intel hit or a geo answer. */
    public static Optional<String> provider(JsonNode obj) {
        return text(obj, "provider", "source", "feed", "vendor");
    }

    private static boolean looksLikeGeo(JsonNode g) {
        for (String f : List.of("country", "country_code", "countryCode", "city", "lat", "latitude", "asn", "location")) {
            if (g.has(f)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode at(JsonNode obj, String dotted) {
        if (obj.has(dotted)) {
            return obj.get(dotted);
        }
        JsonNode n = obj;
        for (String p : dotted.split("\\.")) {
            n = n.path(p);
        }
        return n;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    private static Optional<JsonNode> object(JsonNode n) {
        return n.isObject() && !n.isEmpty() ? Optional.of(n) : Optional.empty();
    }
}
