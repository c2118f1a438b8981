package io.protect.normalize.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import io.protect.model.ocsf.IpAddresses;
import io.protect.ocsf.model.OcsfSchema;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.RiskLevelId;
import io.protect.ocsf.model.enums.ScoreId;
import io.protect.ocsf.model.objects.AutonomousSystem;
import io.protect.ocsf.model.objects.Enrichment;
import io.protect.ocsf.model.objects.Location;
import io.protect.ocsf.model.objects.NetworkConnectionInfo;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Reputation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * OCSF building blocks every mapper shares: endpoints with their enrich geo, connection info,
 * observables with intel reputation, the {@code enrichments} array and the risk fields. Pure
 * functions of their arguments.
 *
 * <p>Documented choices:
 * <ul>
 *   <li>Risk level from enrich's 0–100 score: 0–19 Info, 20–39 Low, 40–69 Medium, 70–89 High,
 *       90–100 Critical.</li>
 *   <li>Reputation {@code score_id} from an intel score on 0–100: {@code round(score / 10)}
 *       clamped to 1 (Very Safe) … 10 (Malicious); {@code base_score} is the score itself.</li>
 *   <li>A geo answer becomes {@code location} only when it names a city, country, region or
 *       postal code (OCSF's at-least-one rule); the full answer always stays in
 *       {@code enrichments}, so coordinates alone are never lost.</li>
 * </ul>
 */
public final class OcsfParts {

    /** The OCSF version every mapper writes. */
    public static final String OCSF_VERSION = OcsfSchema.VERSION;
    /** Provider named in enrichments whose source does not say who supplied them. */
    static final String DEFAULT_PROVIDER = "protect-enrich";

    private OcsfParts() {
    }

    // ------------------------------------------------------------- endpoints

    /** A network endpoint with its location and autonomous system from enrich's geo answer. */
    public static NetworkEndpoint endpoint(String ip, Integer port, Optional<JsonNode> geo) {
        NetworkEndpoint.Builder b = NetworkEndpoint.builder().ip(ip).port(port);
        geo.flatMap(OcsfParts::location).ifPresent(b::location);
        geo.flatMap(OcsfParts::autonomousSystem).ifPresent(b::autonomousSystem);
        geo.flatMap(g -> EnrichmentView.text(g, "isp", "isp_name")).ifPresent(b::isp);
        return b.build();
    }

    /** A location from a geo object (flat or under {@code location}); empty when OCSF would reject it. */
    public static Optional<Location> location(JsonNode geo) {
        JsonNode g = geo.path("location").isObject() ? geo.get("location") : geo;
        Optional<String> country = EnrichmentView.text(g, "country", "country_code", "countryCode", "country_iso",
                "iso_code", "country.iso_code");
        Optional<String> city = EnrichmentView.text(g, "city", "city_name", "city.name");
        Optional<String> region = EnrichmentView.text(g, "region", "region_name", "subdivision", "state");
        Optional<String> postal = EnrichmentView.text(g, "postal_code", "postalCode", "zip");
        if (country.isEmpty() && city.isEmpty() && region.isEmpty() && postal.isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble lat = EnrichmentView.number(g, "lat", "latitude");
        OptionalDouble lon = EnrichmentView.number(g, "long", "lon", "lng", "longitude");
        return Optional.of(Location.builder()
                .country(country.orElse(null))
                .city(city.orElse(null))
                .region(region.orElse(null))
                .postalCode(postal.orElse(null))
                .continent(EnrichmentView.text(g, "continent", "continent_code", "continentCode").orElse(null))
                .lat(lat.isPresent() ? lat.getAsDouble() : null)
                .long_(lon.isPresent() ? lon.getAsDouble() : null)
                .build());
    }

    /** The autonomous system of a geo object ({@code asn}/{@code as_number}, {@code as_org}/{@code as_name}). */
    public static Optional<AutonomousSystem> autonomousSystem(JsonNode geo) {
        OptionalDouble number = EnrichmentView.number(geo, "asn", "as_number", "asNumber", "autonomous_system.number",
                "autonomousSystem.number", "as.number", "asn.number");
        Optional<String> name = EnrichmentView.text(geo, "asOrganization", "as_org", "asOrg", "as_name", "asName", "asn_org",
                "autonomous_system.name", "autonomousSystem.name", "as.name", "asn.org", "organization");
        if (number.isEmpty() && name.isEmpty()) {
            // "AS15169" written as text is common too
            Optional<String> asText = EnrichmentView.text(geo, "asn");
            if (asText.isPresent() && asText.get().toUpperCase(Locale.ROOT).matches("AS\\d{1,10}")) {
                number = OptionalDouble.of(Double.parseDouble(asText.get().substring(2)));
            }
        }
        if (number.isEmpty() && name.isEmpty()) {
            return Optional.empty();
        }
        Integer n = number.isPresent() && number.getAsDouble() <= Integer.MAX_VALUE ? (int) number.getAsDouble() : null;
        if (n == null && name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AutonomousSystem.builder().number(n).name(name.orElse(null)).build());
    }

    /** Connection info: transport protocol, its IANA number, direction across the internal boundary. */
    public static NetworkConnectionInfo connectionInfo(String proto, String srcIp, String dstIp, String uid) {
        String name = proto == null ? null : proto.toLowerCase(Locale.ROOT);
        var direction = Networks.direction(srcIp, dstIp);
        return NetworkConnectionInfo.builder()
                .protocolName(name)
                .protocolNum(Networks.protocolNumber(name))
                .directionId(direction)
                .direction(direction.caption())
                .uid(uid)
                .build();
    }

    // ------------------------------------------------------------- observables and enrichments

    /** An observable, with the reputation of the strongest intel hit on its value, if any. */
    public static Observable observable(String name, ObservableTypeId type, String value, EnrichmentView enrichment) {
        return Observable.builder()
                .name(name)
                .typeId(type)
                .type(type.caption())
                .value(value)
                .reputation(strongestHit(enrichment, value).flatMap(OcsfParts::reputation).orElse(null))
                .build();
    }

    /**
     * Observables for intel indicators that are not already an observable of the event (a domain or
     * hash an intel feed matched), each with its reputation.
     */
    public static List<Observable> intelObservables(EnrichmentView enrichment, List<Observable> existing) {
        List<Observable> out = new ArrayList<>();
        for (JsonNode hit : enrichment.intel()) {
            Optional<String> indicator = EnrichmentView.indicator(hit);
            if (indicator.isEmpty()) {
                continue;
            }
            String v = indicator.get();
            boolean known = existing.stream().anyMatch(o -> v.equals(o.value()))
                    || out.stream().anyMatch(o -> v.equals(o.value()));
            if (!known) {
                out.add(observable("enrichments.value", indicatorType(hit, v), v, enrichment));
            }
        }
        return out;
    }

    /** The OCSF observable type of an indicator, from its declared type or its form. */
    static ObservableTypeId indicatorType(JsonNode hit, String value) {
        String declared = EnrichmentView.text(hit, "type", "indicator_type", "indicatorType").orElse("")
                .toLowerCase(Locale.ROOT);
        if (declared.contains("ip") || IpAddresses.isIpAddress(value)) {
            return ObservableTypeId.IP_ADDRESS;
        }
        if (declared.contains("url") || value.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            return ObservableTypeId.URL_STRING;
        }
        if (declared.contains("hash") || value.matches("(?i)^([0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$")) {
            return ObservableTypeId.HASH;
        }
        if (declared.contains("email") || value.contains("@")) {
            return ObservableTypeId.EMAIL_ADDRESS;
        }
        if (declared.contains("domain") || declared.contains("host") || value.matches("(?i)^[a-z0-9-]+(\\.[a-z0-9-]+)+$")) {
            return ObservableTypeId.HOSTNAME;
        }
        return ObservableTypeId.OTHER;
    }

    /** The intel hit with the highest score for a value. */
    static Optional<JsonNode> strongestHit(EnrichmentView enrichment, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return enrichment.intel().stream()
                .filter(h -> EnrichmentView.indicator(h).map(value::equals).orElse(false))
                .max(Comparator.comparingDouble(h -> EnrichmentView.intelScore(h).orElse(-1)));
    }

    /** A reputation from an intel hit's 0–100 score; empty when the hit has no score. */
    public static Optional<Reputation> reputation(JsonNode hit) {
        OptionalDouble score = EnrichmentView.intelScore(hit);
        if (score.isEmpty()) {
            return Optional.empty();
        }
        double s = Math.max(0, Math.min(100, score.getAsDouble()));
        int id = (int) Math.max(1, Math.min(10, Math.round(s / 10.0)));
        return Optional.of(Reputation.builder()
                .baseScore(s)
                .scoreId(ScoreId.of(id))
                .score(ScoreId.of(id).caption())
                .provider(EnrichmentView.provider(hit).orElse(null))
                .build());
    }

    /**
     * The OCSF {@code enrichments}: one per endpoint geo answer, one per intel hit, the asset and
     * user context, and the risk assessment with its factors (and whether enrichment was partial).
     * Each keeps enrich's object whole in {@code data}.
     */
    public static List<Enrichment> enrichments(EnrichmentView enrichment, String srcIp, String dstIp, String assetId) {
        List<Enrichment> out = new ArrayList<>();
        enrichment.geoFor(srcIp, true).ifPresent(g -> out.add(enrichment("src_endpoint.ip", srcIp, "location", g)));
        if (dstIp != null && !dstIp.equals(srcIp)) {
            enrichment.geoFor(dstIp, false).ifPresent(g -> out.add(enrichment("dst_endpoint.ip", dstIp, "location", g)));
        }
        for (JsonNode hit : enrichment.intel()) {
            String value = EnrichmentView.indicator(hit).orElse("unknown");
            String name = value.equals(srcIp) ? "src_endpoint.ip" : value.equals(dstIp) ? "dst_endpoint.ip" : "indicator";
            out.add(Enrichment.builder()
                    .name(name)
                    .value(value)
                    .type("threat_intel")
                    .provider(EnrichmentView.provider(hit).orElse(DEFAULT_PROVIDER))
                    .shortDesc(EnrichmentView.text(hit, "name", "description", "threat", "category").orElse(null))
                    .reputation(reputation(hit).orElse(null))
                    .data(hit)
                    .build());
        }
        enrichment.asset().ifPresent(a -> out.add(enrichment("asset",
                EnrichmentView.text(a, "id", "assetId", "uid", "hostname", "name").orElse(assetId != null ? assetId : "unknown"),
                "asset", a)));
        enrichment.user().ifPresent(u -> out.add(enrichment("user",
                EnrichmentView.text(u, "userName", "name", "username", "userId", "uid", "id", "email").orElse("unknown"), "user", u)));
        OptionalInt risk = enrichment.riskScore();
        if (risk.isPresent()) {
            ObjectNode data = Json.MAPPER.createObjectNode();
            data.set("risk", enrichment.raw().path("risk"));
            data.put("partial", enrichment.partial());
            if (enrichment.raw().has("missing")) {
                data.set("missing", enrichment.raw().get("missing"));
            }
            out.add(enrichment("risk_score", Integer.toString(risk.getAsInt()), "risk", data));
        }
        return out;
    }

    private static Enrichment enrichment(String name, String value, String type, JsonNode data) {
        return Enrichment.builder()
                .name(name)
                .value(value)
                .type(type)
                .provider(EnrichmentView.provider(data).orElse(DEFAULT_PROVIDER))
                .data(data)
                .build();
    }

    // ------------------------------------------------------------- risk

    /** The OCSF risk level of a 0–100 risk score (bands in the class comment). */
    public static RiskLevelId riskLevel(int score) {
        if (score >= 90) {
            return RiskLevelId.CRITICAL;
        }
        if (score >= 70) {
            return RiskLevelId.HIGH;
        }
        if (score >= 40) {
            return RiskLevelId.MEDIUM;
        }
        if (score >= 20) {
            return RiskLevelId.LOW;
        }
        return RiskLevelId.INFO;
    }

    /** The risk factors as text, e.g. {@code intel-hit +40, external-source +10}; null when none. */
    public static String riskDetails(EnrichmentView enrichment) {
        List<String> parts = new ArrayList<>();
        for (JsonNode f : enrichment.riskFactors()) {
            String name = f.path("name").asText("factor");
            double c = f.path("contribution").asDouble(0);
            parts.add(name + " " + (c >= 0 ? "+" : "") + (c == Math.rint(c) ? Long.toString((long) c) : Double.toString(c)));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    // ------------------------------------------------------------- raw data

    /** The alert as JSON text, for {@code raw_data}. */
    public static String rawData(JsonNode alert) {
        try {
            return Json.MAPPER.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("alert cannot be written as JSON", e);
        }
    }
}
