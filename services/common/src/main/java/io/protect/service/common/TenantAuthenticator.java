package io.protect.service.common;

import io.protect.model.envelope.EventEnvelope.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the tenant from a bearer token. The tenant of an event is always this one, never
 * anything a payload claims.
 */
@ApplicationScoped
public class TenantAuthenticator {

    private final Map<String, AuthConfig.TenantConfig> tenants;

    public TenantAuthenticator(AuthConfig config) {
        this.tenants = Map.copyOf(config.tenants());
    }

    /** The tenant of an {@code Authorization: Bearer <token>} header; empty when absent or unknown. */
    public Optional<Tenant> fromAuthorization(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return fromToken(header.substring(7).trim());
    }

    /** The tenant a token belongs to; compared in constant time so timing tells nothing about tokens. */
    public Optional<Tenant> fromToken(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        Tenant match = null;
        for (Map.Entry<String, AuthConfig.TenantConfig> e : tenants.entrySet()) {
            if (MessageDigest.isEqual(given, e.getValue().token().getBytes(StandardCharsets.UTF_8))) {
                match = new Tenant(e.getKey(), e.getValue().organization().orElse(null));
            }
        }
        return Optional.ofNullable(match);
    }
}
