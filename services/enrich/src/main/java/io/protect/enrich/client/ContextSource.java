package io.protect.enrich.client;

import io.protect.enrich.ContextKey;
import io.protect.model.events.AssetContext;
import io.protect.model.events.UserContext;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.Map;

/**
 * Where tenants' asset and user context comes from, asked for many keys at once (the keys of a
 * Kafka poll). Every key is bound to one tenant. A key without an answer is absent from the map.
 */
public interface ContextSource {

    /** Assets by id ({@link ContextKey.AssetById}) and by address ({@link ContextKey.AssetByIp}). */
    Uni<Map<ContextKey, AssetContext>> assets(Collection<? extends ContextKey> keys);

    /** Users by login. */
    Uni<Map<ContextKey, UserContext>> users(Collection<ContextKey.User> keys);
}
