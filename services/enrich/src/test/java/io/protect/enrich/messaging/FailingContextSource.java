package io.protect.enrich.messaging;

import io.protect.enrich.ContextKey;
import io.protect.enrich.client.ContextSource;
import io.protect.model.events.AssetContext;
import io.protect.model.events.UserContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A context source whose database is down: asset lookups fail at once, user lookups never answer.
 * Enabled only by {@link EnrichFallbackTest}'s profile, in place of the real client.
 */
@Alternative
@ApplicationScoped
public class FailingContextSource implements ContextSource {

    private final AtomicInteger assetCalls = new AtomicInteger();
    private final AtomicInteger userCalls = new AtomicInteger();

    // Methods, not fields: a test sees this bean through its client proxy.
    public int assetCalls() {
        return assetCalls.get();
    }

    public int userCalls() {
        return userCalls.get();
    }

    @Override
    public Uni<Map<ContextKey, AssetContext>> assets(Collection<? extends ContextKey> keys) {
        assetCalls.incrementAndGet();
        return Uni.createFrom().failure(new IllegalStateException("connection refused: asset database down"));
    }

    @Override
    public Uni<Map<ContextKey, UserContext>> users(Collection<ContextKey.User> keys) {
        userCalls.incrementAndGet();
        return Uni.createFrom().nothing();
    }
}
