package io.protect.enrich.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.protect.enrich.AssetContext;
import io.protect.enrich.LookupResult;
import io.protect.enrich.UserContext;
import io.protect.enrich.client.ContextSource;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

/**
 * The context lookups as the enrichment sees them: each bounded by a total time budget (retries
 * included) and never failing. When a lookup cannot be made its fallback answers "unavailable",
 * and the alert goes on marked partially enriched instead of being held up or dropped.
 */
@ApplicationScoped
public class ContextLookups {

    private static final Logger LOG = Logger.getLogger(ContextLookups.class);

    private final ContextSource source;
    private final MeterRegistry registry;

    public ContextLookups(ContextSource source, MeterRegistry registry) {
        this.source = source;
        this.registry = registry;
    }

    /** The tenant's asset for the alert. */
    @AsynchronousNonBlocking
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "assetUnavailable")
    public Uni<LookupResult<AssetContext>> asset(String tenantId, String assetId, List<String> ips) {
        return source.asset(tenantId, assetId, ips).map(LookupResult::found);
    }

    /** The tenant's user named in the alert. */
    @AsynchronousNonBlocking
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "userUnavailable")
    public Uni<LookupResult<UserContext>> user(String tenantId, String userName) {
        return source.user(tenantId, userName).map(LookupResult::found);
    }

    Uni<LookupResult<AssetContext>> assetUnavailable(String tenantId, String assetId, List<String> ips, Throwable e) {
        return unavailable("asset", tenantId, e);
    }

    Uni<LookupResult<UserContext>> userUnavailable(String tenantId, String userName, Throwable e) {
        return unavailable("user", tenantId, e);
    }

    private <T> Uni<LookupResult<T>> unavailable(String lookup, String tenantId, Throwable e) {
        registry.counter("protect.enrich.lookup.fallback", "lookup", lookup).increment();
        // Debug only: during an outage this would be one line per alert; the counter shows it.
        LOG.debugf(e, "%s lookup for tenant %s failed; the alert goes on without it", lookup, tenantId);
        return Uni.createFrom().item(LookupResult.unavailable());
    }
}
