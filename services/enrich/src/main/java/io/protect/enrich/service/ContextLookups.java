package io.protect.enrich.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.protect.enrich.ContextKey;
import io.protect.enrich.LookupBatch;
import io.protect.enrich.client.ContextSource;
import io.protect.model.events.AssetContext;
import io.protect.model.events.UserContext;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

/**
 * The context lookups of a poll as the enrichment sees them: each bounded by a total time budget
 * (the client's retries included) and never failing. When a lookup cannot be made its fallback
 * answers "unavailable", and the poll's alerts go on marked partially enriched instead of being
 * held up or dropped. The budget is what one slow database can add to a poll.
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

    /** The tenants' assets for these keys. */
    @AsynchronousNonBlocking
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "assetsUnavailable")
    public Uni<LookupBatch<AssetContext>> assets(Collection<? extends ContextKey> keys) {
        return source.assets(keys).map(LookupBatch::of);
    }

    /** The tenants' users for these keys. */
    @AsynchronousNonBlocking
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "usersUnavailable")
    public Uni<LookupBatch<UserContext>> users(Collection<ContextKey.User> keys) {
        return source.users(keys).map(LookupBatch::of);
    }

    Uni<LookupBatch<AssetContext>> assetsUnavailable(Collection<? extends ContextKey> keys, Throwable e) {
        return unavailable("asset", keys.size(), e);
    }

    Uni<LookupBatch<UserContext>> usersUnavailable(Collection<ContextKey.User> keys, Throwable e) {
        return unavailable("user", keys.size(), e);
    }

    private <V> Uni<LookupBatch<V>> unavailable(String lookup, int keys, Throwable e) {
        registry.counter("protect.enrich.lookup.fallback", "lookup", lookup).increment();
        // Debug only: during an outage this is one line per poll; the counter shows it.
        LOG.debugf(e, "%s lookup of %d keys failed; the alerts go on without it", lookup, keys);
        return Uni.createFrom().item(LookupBatch.unavailable());
    }
}
