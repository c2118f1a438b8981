package io.protect.enrich.client;

import io.protect.enrich.AssetContext;
import io.protect.enrich.UserContext;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/** Where a tenant's asset and user context comes from. Every lookup is bound to one tenant. */
public interface ContextSource {

    /** The tenant's asset with this id (may be null), else the one at the first of these addresses that has one. */
    Uni<Optional<AssetContext>> asset(String tenantId, String assetId, List<String> ips);

    /** The tenant's user with this login name. */
    Uni<Optional<UserContext>> user(String tenantId, String userName);
}
