package io.protect.enrich.messaging;

import io.protect.enrich.AssetContext;
import io.protect.enrich.UserContext;
import io.protect.enrich.client.ContextSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Optional;
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
    public Uni<Optional<AssetContext>> asset(String tenantId, String assetId, List<String> ips) {
        assetCalls.incrementAndGet();
        return Uni.createFrom().failure(new IllegalStateException("connection refused: asset database down"));
    }

    @Override
    public Uni<Optional<UserContext>> user(String tenantId, String userName) {
        userCalls.incrementAndGet();
        return Uni.createFrom().nothing();
    }
}
