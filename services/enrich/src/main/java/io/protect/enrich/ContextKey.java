package io.protect.enrich;

import java.util.Locale;
import java.util.Objects;

/**
 * What a context lookup is asked for, always within one tenant: an asset by its id or by an
 * address, or a user by login name (compared case-insensitively, as Windows logs logins in any case).
 */
public sealed interface ContextKey {

    /** The tenant whose context is looked up; another tenant's rows are never seen. */
    String tenantId();

    /** The tenant's asset with this id. */
    record AssetById(String tenantId, String assetId) implements ContextKey {
        public AssetById {
            Objects.requireNonNull(tenantId);
            Objects.requireNonNull(assetId);
        }
    }

    /** The tenant's asset at this address. */
    record AssetByIp(String tenantId, String ip) implements ContextKey {
        public AssetByIp {
            Objects.requireNonNull(tenantId);
            Objects.requireNonNull(ip);
        }
    }

    /** The tenant's user with this login (lower case). */
    record User(String tenantId, String login) implements ContextKey {
        public User {
            Objects.requireNonNull(tenantId);
            login = login.toLowerCase(Locale.ROOT);
        }
    }
}
