package io.protect.enrich.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.protect.enrich.ContextKey;
import io.protect.enrich.config.EnrichConfig;
import io.protect.model.events.AssetContext;
import io.protect.model.events.UserContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Answers of the context lookups, per key (tenant and asset id, address or login): context changes
 * rarely, so a few minutes of staleness buy one query per key instead of one per alert. Answers that
 * found nothing are kept too (a new asset shows up within the expiry); failed lookups are not.
 */
@ApplicationScoped
public class ContextCache {

    private final Cache<ContextKey, Optional<AssetContext>> assets;
    private final Cache<ContextKey, Optional<UserContext>> users;

    public ContextCache(EnrichConfig config, MeterRegistry registry) {
        this.assets = Caffeine.newBuilder().expireAfterWrite(config.cache().expireAfterWrite())
                .maximumSize(config.cache().maximumSize()).recordStats().build();
        this.users = Caffeine.newBuilder().expireAfterWrite(config.cache().expireAfterWrite())
                .maximumSize(config.cache().maximumSize()).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, assets, "enrich-assets");
        CaffeineCacheMetrics.monitor(registry, users, "enrich-users");
    }

    /** The cached answer for an asset key: present-and-found, present-and-none, or null when unknown. */
    public Optional<AssetContext> asset(ContextKey key) {
        return assets.getIfPresent(key);
    }

    public Optional<UserContext> user(ContextKey key) {
        return users.getIfPresent(key);
    }

    public void putAsset(ContextKey key, Optional<AssetContext> answer) {
        assets.put(key, answer);
    }

    public void putUser(ContextKey key, Optional<UserContext> answer) {
        users.put(key, answer);
    }

    /** Forgets every answer (tests, and after the context tables change). */
    public void clear() {
        assets.invalidateAll();
        users.invalidateAll();
    }
}
