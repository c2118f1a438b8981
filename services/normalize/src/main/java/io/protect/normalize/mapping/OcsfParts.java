package io.protect.normalize.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.GeoLocation;
import io.protect.model.events.IntelHit;
import io.protect.model.events.RiskAssessment;
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

/**
 * OCSF building blocks every mapper shares: endpoints with their enrich geo, connection info,
 * observables with intel reputation, the {@code enrichments} array and the risk fields. Pure
 * functions of their arguments; enrich's answers come typed ({@link EnrichmentView}).
 *
 * <p>Documented choices:
 * <ul>
 *   <li>Risk level from enrich's 0–100 score: 0–19 Info, 20–39 Low, 40–69 Medium, 70–89 High,
 *       90–100 Critical.</li>
 *   <li>Reputation {@code score_id} from an intel hit's 0–100 {@code confidence}:
 *       {@code round(confidence / 10)} clamped to 1 (Very Safe) … 10 (Malicious);
 *       {@code base_score} is the confidence itself, {@code provider} the hit's feed.</li>
 *   <li>An intel hit is about the alert's value that matched it ({@code matched}, e.g. the address
 *       inside a CIDR indicator), else its indicator; its observable type is the hit's declared
 *       type, else the value's form.</li>
 *   <li>A geo answer becomes {@code location} only when it names a country, region or city
 *       (OCSF's at-least-one rule); the full answer always stays in {@code enrichments}, so
 *       coordinates alone are never lost. Its {@code asn} and {@code asOrganization} become the
 *       endpoint's {@code autonomous_system}.</li>
 * </ul>
 */
public final class OcsfParts {

    /** The OCSF version every mapper writes. */
    public static final String OCSF_VERSION = OcsfSchema.VERSION;
    /** Provider named in enrichments whose answer does not say who supplied it. */
    static final String DEFAULT_PROVIDER = "protect-enrich";

    private OcsfParts() {
    }

    // ------------------------------------------------------------- endpoints

    /** A network endpoint with its location and autonomous system from enrich's geo answer. */
    public static NetworkEndpoint endpoint(String ip, Integer port, Optional<GeoLocation> geo) {
        NetworkEndpoint.Builder b = NetworkEndpoint.builder().ip(ip).port(port);
        geo.flatMap(OcsfParts::location).ifPresent(b::location);
        geo.flatMap(OcsfParts::autonomousSystem).ifPresent(b::autonomousSystem);
        return b.build();
    }

    /** The location of a geo answer; empty when it names no country, region or city (OCSF would reject it). */
    public static Optional<Location> location(GeoLocation geo) {
        String country = nonBlank(geo.countryCode());
        String city = nonBlank(geo.city());
        String region = nonBlank(geo.region());
        if (country == null && city == null && region == null) {
            return Optional.empty();
        }
        return Optional.of(Location.builder()
                .country(country)
                .city(city)
                .region(region)
                .lat(geo.latitude())
                .long_(geo.longitude())
                .build());
    }

    /** The autonomous system of a geo answer ({@code asn}, {@code asOrganization}); empty when it has neither. */
    public static Optional<AutonomousSystem> autonomousSystem(GeoLocation geo) {
        // OCSF's number is a 32-bit integer: a larger ASN keeps only its name here (and stays in enrichments).
        Integer number = geo.asn() != null && geo.asn() <= Integer.MAX_VALUE ? (int) (long) geo.asn() : null;
        String name = nonBlank(geo.asOrganization());
        if (number == null && name == null) {
            return Optional.empty();
        }
        return Optional.of(AutonomousSystem.builder().number(number).name(name).build());
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
                .reputation(strongestHit(enrichment, value).map(OcsfParts::reputation).orElse(null))
                .build();
    }

    /**
     * Observables for intel indicators that are not already an observable of the event (a domain or
     * hash an intel feed matched), each with its reputation.
     */
    public static List<Observable> intelObservables(EnrichmentView enrichment, List<Observable> existing) {
        List<Observable> out = new ArrayList<>();
        for (IntelHit hit : enrichment.intel()) {
            String v = EnrichmentView.indicator(hit);
            if (v == null || v.isBlank()) {
                continue;
            }
            boolean known = existing.stream().anyMatch(o -> v.equals(o.value()))
                    || out.stream().anyMatch(o -> v.equals(o.value()));
            if (!known) {
                out.add(observable("enrichments.value", indicatorType(hit, v), v, enrichment));
            }
        }
        return out;
    }

    /** The OCSF observable type of an indicator, from its declared type or its form. */
    static ObservableTypeId indicatorType(IntelHit hit, String value) {
        String declared = hit.type() == null ? "" : hit.type().toLowerCase(Locale.ROOT);
        if (declared.contains("ip") || IpAddresses.isIpAddress(value)) {
            return ObservableTypeId.IP_ADDRESS;
        }
        if (declared.contains("url") || value.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            return ObservableTypeId.URL_STRING;
        }
        if (declared.contains("hash") || declared.startsWith("sha") || declared.equals("md5")
                || value.matches("(?i)^([0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$")) {
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

    /** The intel hit with the highest confidence for a value. */
    static Optional<IntelHit> strongestHit(EnrichmentView enrichment, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return enrichment.intel().stream()
                .filter(h -> value.equals(EnrichmentView.indicator(h)))
                .max(Comparator.comparingInt(IntelHit::confidence));
    }

    /** The reputation an intel hit gives its value (scale in the class comment). */
    public static Reputation reputation(IntelHit hit) {
        double s = Math.max(0, Math.min(100, hit.confidence()));
        int id = (int) Math.max(1, Math.min(10, Math.round(s / 10.0)));
        return Reputation.builder()
                .baseScore(s)
                .scoreId(ScoreId.of(id))
                .score(ScoreId.of(id).caption())
                .provider(nonBlank(hit.source()))
                .build();
    }

    /**
     * The OCSF {@code enrichments}: one per endpoint geo answer, one per intel hit, the asset and
     * user context, and the risk assessment with its factors (and whether enrichment was partial,
     * and which lookups fell back). Each keeps enrich's answer whole in {@code data}, as the
     * AlertEnriched payload writes it.
     */
    public static List<Enrichment> enrichments(EnrichmentView enrichment, String srcIp, String dstIp, String assetId) {
        List<Enrichment> out = new ArrayList<>();
        enrichment.geoFor(srcIp, true).ifPresent(g -> out.add(enrichment("src_endpoint.ip", srcIp, "location", g.toJson())));
        if (dstIp != null && !dstIp.equals(srcIp)) {
            enrichment.geoFor(dstIp, false).ifPresent(g -> out.add(enrichment("dst_endpoint.ip", dstIp, "location", g.toJson())));
        }
        for (IntelHit hit : enrichment.intel()) {
            String indicator = EnrichmentView.indicator(hit);
            String value = indicator == null || indicator.isBlank() ? "unknown" : indicator;
            String name = value.equals(srcIp) ? "src_endpoint.ip" : value.equals(dstIp) ? "dst_endpoint.ip" : "indicator";
            String provider = nonBlank(hit.source());
            out.add(Enrichment.builder()
                    .name(name)
                    .value(value)
                    .type("threat_intel")
                    .provider(provider != null ? provider : DEFAULT_PROVIDER)
                    .shortDesc(nonBlank(hit.threat()))
                    .reputation(reputation(hit))
                    .data(hit.toJson())
                    .build());
        }
        enrichment.asset().ifPresent(a -> out.add(enrichment("asset",
                firstNonBlank(a.assetId(), a.hostname(), assetId, "unknown"), "asset", a.toJson())));
        enrichment.user().ifPresent(u -> out.add(enrichment("user",
                firstNonBlank(u.userName(), u.userId(), "unknown"), "user", u.toJson())));
        RiskAssessment risk = enrichment.risk();
        if (risk != null) {
            ObjectNode data = Json.MAPPER.createObjectNode();
            data.set("risk", risk.toJson());
            data.put("partial", enrichment.partial());
            if (!enrichment.missing().isEmpty()) {
                enrichment.missing().forEach(data.putArray("missing")::add);
            }
            out.add(enrichment("risk_score", Integer.toString(risk.score()), "risk", data));
        }
        return out;
    }

    private static Enrichment enrichment(String name, String value, String type, JsonNode data) {
        return Enrichment.builder()
                .name(name)
                .value(value)
                .type(type)
                .provider(DEFAULT_PROVIDER)
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
        for (RiskAssessment.Factor f : enrichment.riskFactors()) {
            String name = f.name() == null ? "factor" : f.name();
            double c = f.contribution();
            parts.add(name + " " + (c >= 0 ? "+" : "") + (c == Math.rint(c) ? Long.toString((long) c) : Double.toString(c)));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String firstNonBlank(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
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
