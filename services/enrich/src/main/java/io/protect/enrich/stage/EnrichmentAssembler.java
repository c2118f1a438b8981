package io.protect.enrich.stage;

import io.protect.model.events.AlertEnriched;
import io.protect.model.events.AlertReceived;
import io.protect.model.events.AssetContext;
import io.protect.model.events.Enrichment;
import io.protect.model.events.GeoLocation;
import io.protect.model.events.IntelHit;
import io.protect.enrich.LookupResult;
import io.protect.enrich.Observables;
import io.protect.model.events.UserContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts an alert and the answers of its lookups together into the enriched alert: records which
 * lookups failed (the enrichment is then partial), scores the risk, and fills the top-level
 * {@code assetId}/{@code sourceIp} that key the record when ingest did not know them.
 */
public final class EnrichmentAssembler {

    /** Lookup names as they appear in {@code enrichment.missing}. */
    public static final String GEO = "geo";
    public static final String INTEL = "intel";
    public static final String ASSET = "asset";
    public static final String USER = "user";

    private EnrichmentAssembler() {
    }

    /**
     * @param geo   locations by role ("source", "destination"); null when the geo lookup failed
     * @param intel the intel hits; null when the intel lookup failed
     */
    public static AlertEnriched assemble(AlertReceived in, Observables observables, Map<String, GeoLocation> geo,
            List<IntelHit> intel, LookupResult<AssetContext> asset, LookupResult<UserContext> user) {
        List<String> missing = new ArrayList<>();
        if (geo == null) {
            missing.add(GEO);
        }
        if (intel == null) {
            missing.add(INTEL);
        }
        if (asset.failed()) {
            missing.add(ASSET);
        }
        if (user.failed()) {
            missing.add(USER);
        }
        List<IntelHit> hits = intel == null ? List.of() : intel;
        Enrichment enrichment = new Enrichment(!missing.isEmpty(), List.copyOf(missing),
                geo == null || geo.isEmpty() ? null : geo,
                hits,
                user.value().orElse(null),
                asset.value().orElse(null),
                RiskScorer.score(observables.severity(), hits, asset.value(), user.value()));
        String assetId = in.assetId() != null ? in.assetId() : asset.value().map(AssetContext::assetId).orElse(null);
        String sourceIp = in.sourceIp() != null ? in.sourceIp() : observables.sourceIp();
        // The alert goes on as the bytes it came in: enrich reads it, it never writes it again.
        return new AlertEnriched(in.sourceFormat(), assetId, sourceIp, in.alert(), enrichment);
    }
}
