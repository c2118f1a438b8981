package io.protect.normalize.mapping;

import io.protect.model.events.AssetContext;
import io.protect.model.events.Enrichment;
import io.protect.model.events.GeoLocation;
import io.protect.model.events.IntelHit;
import io.protect.model.events.RiskAssessment;
import io.protect.model.events.UserContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the mappers ask of enrich's answers: a typed view over an alert's {@link Enrichment} (the
 * AlertEnriched schema's shape, read once by its codec). The parts a given enrichment lacks (no
 * geo, no user, ...) read as empty; {@link #none()} is the view of no enrichment at all, where
 * even the risk score is absent.
 */
public final class EnrichmentView {

    private static final EnrichmentView NONE = new EnrichmentView(null);

    /** The geo role of an alert's source address. */
    static final String SOURCE = "source";
    /** The geo role of an alert's destination address. */
    static final String DESTINATION = "destination";

    private final Enrichment enrichment;

    /** @param enrichment the alert's enrichment; null reads as {@link #none()} */
    public EnrichmentView(Enrichment enrichment) {
        this.enrichment = enrichment;
    }

    /** The view of an alert without enrichment: no geo, intel, user, asset, risk. */
    public static EnrichmentView none() {
        return NONE;
    }

    /** True when enrich fell back for at least one lookup. */
    public boolean partial() {
        return enrichment != null && enrichment.partial();
    }

    /** The lookups that fell back ("geo", "intel", "asset", "user"); empty when none did. */
    public List<String> missing() {
        return enrichment == null || enrichment.missing() == null ? List.of() : enrichment.missing();
    }

    /** The risk score 0–100 enrich computed. */
    public OptionalInt riskScore() {
        RiskAssessment risk = risk();
        return risk == null ? OptionalInt.empty() : OptionalInt.of(risk.score());
    }

    /** The factors the risk score is made of, in enrich's order. */
    public List<RiskAssessment.Factor> riskFactors() {
        RiskAssessment risk = risk();
        return risk == null || risk.factors() == null ? List.of() : risk.factors();
    }

    /** The whole risk assessment, or null without one. */
    RiskAssessment risk() {
        return enrichment == null ? null : enrichment.risk();
    }

    /**
     * The geo answer for one address: the entry of {@code geo} whose {@code ip} is the address, else
     * the entry without an {@code ip} under the address's role ({@code source} or {@code destination}).
     */
    public Optional<GeoLocation> geoFor(String ip, boolean source) {
        Map<String, GeoLocation> geo = enrichment == null ? null : enrichment.geo();
        if (ip == null || geo == null || geo.isEmpty()) {
            return Optional.empty();
        }
        for (GeoLocation g : geo.values()) {
            if (g != null && ip.equals(g.ip())) {
                return Optional.of(g);
            }
        }
        GeoLocation byRole = geo.get(source ? SOURCE : DESTINATION);
        return byRole != null && byRole.ip() == null ? Optional.of(byRole) : Optional.empty();
    }

    /** The threat-intel hits, in enrich's order; empty when there are none. */
    public List<IntelHit> intel() {
        return enrichment == null || enrichment.intel() == null ? List.of() : enrichment.intel();
    }

    /** The user the alert names, as the tenant's directory knows them. */
    public Optional<UserContext> user() {
        return Optional.ofNullable(enrichment == null ? null : enrichment.user());
    }

    /** The tenant's asset the alert concerns. */
    public Optional<AssetContext> asset() {
        return Optional.ofNullable(enrichment == null ? null : enrichment.asset());
    }

    /**
     * The value of the alert an intel hit is about: what matched ({@code matched}, e.g. the address
     * inside a CIDR indicator), else the indicator itself.
     */
    public static String indicator(IntelHit hit) {
        return hit.matched() != null && !hit.matched().isBlank() ? hit.matched() : hit.indicator();
    }
}
