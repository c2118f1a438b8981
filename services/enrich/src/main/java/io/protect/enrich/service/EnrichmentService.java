package io.protect.enrich.service;

import io.protect.enrich.AlertEnriched;
import io.protect.model.events.AlertReceived;
import io.protect.enrich.AssetContext;
import io.protect.enrich.GeoLocation;
import io.protect.enrich.IntelHit;
import io.protect.enrich.LookupResult;
import io.protect.enrich.Observables;
import io.protect.enrich.UserContext;
import io.protect.enrich.repository.GeoIpRepository;
import io.protect.enrich.repository.IntelStore;
import io.protect.enrich.stage.EnrichmentAssembler;
import io.protect.enrich.stage.ObservableExtractor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Enriches one alert: reads its observables, runs the geo, intel, asset and user lookups in
 * parallel, and assembles the result. It never fails for want of context: a lookup that cannot be
 * made is recorded as missing and the alert goes on.
 */
@ApplicationScoped
public class EnrichmentService {

    private static final Logger LOG = Logger.getLogger(EnrichmentService.class);

    private final GeoIpRepository geo;
    private final IntelStore intel;
    private final ContextLookups context;

    public EnrichmentService(GeoIpRepository geo, IntelStore intel, ContextLookups context) {
        this.geo = geo;
        this.intel = intel;
        this.context = context;
    }

    /** The enriched form of a tenant's alert. */
    public Uni<AlertEnriched> enrich(String tenantId, AlertReceived alert) {
        Observables observables = ObservableExtractor.extract(alert.sourceFormat(), alert.sourceIp(), alert.alert());
        // Geo and intel are in-memory lookups (microseconds); they still run as Unis so that all four
        // are combined the same way, and a failure of one is recorded rather than thrown.
        Uni<Map<String, GeoLocation>> geoLookup = Uni.createFrom().item(() -> geo.locate(observables))
                .onFailure().recoverWithItem(e -> failed("geo", e));
        Uni<List<IntelHit>> intelLookup = Uni.createFrom().item(() -> intel.match(observables))
                .onFailure().recoverWithItem(e -> failed("intel", e));
        Uni<LookupResult<AssetContext>> assetLookup = alert.assetId() == null && observables.ips().isEmpty()
                ? Uni.createFrom().item(LookupResult.none())
                : context.asset(tenantId, alert.assetId(), observables.ips());
        Uni<LookupResult<UserContext>> userLookup = observables.userName() == null
                ? Uni.createFrom().item(LookupResult.none())
                : context.user(tenantId, observables.userName());
        return Uni.combine().all().unis(geoLookup, intelLookup, assetLookup, userLookup)
                .with((g, i, a, u) -> EnrichmentAssembler.assemble(alert, observables, g, i, a, u));
    }

    /** A local lookup that threw: null tells the assembler it is missing. */
    private static <T> T failed(String lookup, Throwable e) {
        LOG.warnf(e, "%s lookup failed; the alert goes on without it", lookup);
        return null;
    }
}
