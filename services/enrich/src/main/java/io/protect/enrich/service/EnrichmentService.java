package io.protect.enrich.service;

import io.protect.enrich.ContextKey;
import io.protect.enrich.LookupBatch;
import io.protect.enrich.LookupResult;
import io.protect.enrich.Observables;
import io.protect.enrich.repository.GeoIpRepository;
import io.protect.enrich.repository.IntelStore;
import io.protect.enrich.stage.EnrichmentAssembler;
import io.protect.enrich.stage.ObservableExtractor;
import io.protect.model.envelope.Event;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.AlertReceived;
import io.protect.model.events.AssetContext;
import io.protect.model.events.GeoLocation;
import io.protect.model.events.IntelHit;
import io.protect.model.events.UserContext;
import io.protect.model.ocsf.IpAddresses;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Enriches the alerts of a Kafka poll: reads each alert's observables, looks up the context of the
 * whole poll at once (each distinct tenant and asset id, address or login once, from the cache,
 * and every miss in one query per kind), then assembles each alert with its geo and threat intel
 * (in-memory lookups). It never fails for want of context: a lookup that cannot be made is recorded
 * as missing and the alerts go on.
 */
@ApplicationScoped
public class EnrichmentService {

    private static final Logger LOG = Logger.getLogger(EnrichmentService.class);

    private final GeoIpRepository geo;
    private final IntelStore intel;
    private final ContextLookups lookups;
    private final ContextCache cache;

    public EnrichmentService(GeoIpRepository geo, IntelStore intel, ContextLookups lookups, ContextCache cache) {
        this.geo = geo;
        this.intel = intel;
        this.lookups = lookups;
        this.cache = cache;
    }

    /** One alert's enrichment, or why it could not be enriched (the alert itself is unusable). */
    public record Result(AlertEnriched enriched, RuntimeException failure) {
    }

    /** The enriched form of each alert of a poll, in order. */
    public Uni<List<Result>> enrich(List<Event<AlertReceived>> events) {
        List<Observables> observables = new ArrayList<>(events.size());
        List<RuntimeException> failures = new ArrayList<>(events.size());
        Set<ContextKey> assetMisses = new LinkedHashSet<>();
        Set<ContextKey.User> userMisses = new LinkedHashSet<>();
        for (Event<AlertReceived> event : events) {
            AlertReceived alert = event.payload();
            Observables o;
            try {
                o = ObservableExtractor.extract(alert.sourceFormat(), alert.sourceIp(), alert.alert().object());
            } catch (RuntimeException e) {
                observables.add(null);
                failures.add(e);
                continue;
            }
            observables.add(o);
            failures.add(null);
            for (ContextKey key : assetKeys(event.tenantId(), alert, o)) {
                if (cache.asset(key) == null) {
                    assetMisses.add(key);
                }
            }
            ContextKey.User user = userKey(event.tenantId(), o);
            if (user != null && cache.user(user) == null) {
                userMisses.add(user);
            }
        }
        Uni<LookupBatch<AssetContext>> assets = assetMisses.isEmpty() ? Uni.createFrom().item(LookupBatch.of(Map.of()))
                : lookups.assets(assetMisses);
        Uni<LookupBatch<UserContext>> users = userMisses.isEmpty() ? Uni.createFrom().item(LookupBatch.of(Map.of()))
                : lookups.users(userMisses);
        return Uni.combine().all().unis(assets, users).asTuple().map(answers -> {
            remember(assetMisses, answers.getItem1(), true);
            remember(userMisses, answers.getItem2(), false);
            List<Result> results = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                if (failures.get(i) != null) {
                    results.add(new Result(null, failures.get(i)));
                    continue;
                }
                try {
                    results.add(new Result(assemble(events.get(i), observables.get(i), answers.getItem1(),
                            answers.getItem2()), null));
                } catch (RuntimeException e) {
                    results.add(new Result(null, e));
                }
            }
            return results;
        });
    }

    private AlertEnriched assemble(Event<AlertReceived> event, Observables o, LookupBatch<AssetContext> assetAnswers,
            LookupBatch<UserContext> userAnswers) {
        String tenant = event.tenantId();
        AlertReceived alert = event.payload();
        // The asset named by id wins over one found by address; among addresses, the earlier one (the
        // alert's source) wins.
        LookupResult<AssetContext> asset = LookupResult.none();
        boolean assetFailed = false;
        for (ContextKey key : assetKeys(tenant, alert, o)) {
            Optional<AssetContext> answer = cache.asset(key);
            if (answer == null) {
                answer = assetAnswers.failed() ? null : Optional.ofNullable(assetAnswers.found().get(key));
            }
            if (answer == null) {
                assetFailed = true;
            } else if (answer.isPresent()) {
                asset = LookupResult.found(answer);
                break;
            }
        }
        if (asset.value().isEmpty() && assetFailed) {
            asset = LookupResult.unavailable();
        }
        LookupResult<UserContext> user = LookupResult.none();
        ContextKey.User userKey = userKey(tenant, o);
        if (userKey != null) {
            Optional<UserContext> answer = cache.user(userKey);
            if (answer == null && !userAnswers.failed()) {
                answer = Optional.ofNullable(userAnswers.found().get(userKey));
            }
            user = answer == null ? LookupResult.unavailable() : LookupResult.found(answer);
        }
        Map<String, GeoLocation> located;
        try {
            located = geo.locate(o);
        } catch (RuntimeException e) {
            LOG.warnf(e, "geo lookup failed; the alert goes on without it");
            located = null;
        }
        List<IntelHit> hits;
        try {
            hits = intel.match(o);
        } catch (RuntimeException e) {
            LOG.warnf(e, "intel lookup failed; the alert goes on without it");
            hits = null;
        }
        return EnrichmentAssembler.assemble(alert, o, located, hits, asset, user);
    }

    /** What the lookups answered, kept for later polls; a failed lookup is not kept. */
    private void remember(Set<? extends ContextKey> asked, LookupBatch<?> answers, boolean assets) {
        if (answers.failed()) {
            return;
        }
        for (ContextKey key : asked) {
            Object value = answers.found().get(key);
            if (assets) {
                cache.putAsset(key, Optional.ofNullable((AssetContext) value));
            } else {
                cache.putUser(key, Optional.ofNullable((UserContext) value));
            }
        }
    }

    /** The asset keys of an alert, in order of preference: its asset id, then its addresses, source first. */
    static List<ContextKey> assetKeys(String tenant, AlertReceived alert, Observables o) {
        List<ContextKey> keys = new ArrayList<>(3);
        if (alert.assetId() != null && !alert.assetId().isBlank()) {
            keys.add(new ContextKey.AssetById(tenant, alert.assetId()));
        }
        for (String ip : o.ips()) {
            if (IpAddresses.isIpAddress(ip)) {
                keys.add(new ContextKey.AssetByIp(tenant, ip));
            }
        }
        return keys;
    }

    private static ContextKey.User userKey(String tenant, Observables o) {
        return o.userName() == null || o.userName().isBlank() ? null : new ContextKey.User(tenant, o.userName());
    }
}
