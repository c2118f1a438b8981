package io.protect.service.common;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/** Which bearer token belongs to which tenant. Tokens are secrets: set them from the environment. */
@ConfigMapping(prefix = "protect.auth")
public interface AuthConfig {

    /** Tenants by tenant id, e.g. {@code protect.auth.tenants.acme.token}. */
    Map<String, TenantConfig> tenants();

    /** One tenant's credentials. */
    interface TenantConfig {
        /** The bearer token that authenticates as this tenant. */
        String token();

        /** The organization the tenant belongs to, carried in every event's envelope. */
        Optional<String> organization();
    }
}
