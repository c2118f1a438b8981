package io.protect.enrich.repository;

import io.protect.enrich.ContextKey;
import io.protect.model.events.UserContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads tenants' users from table {@code enrich.users} with the reactive PostgreSQL client. */
@ApplicationScoped
public class UserRepository {

    // Every (tenant, login) of a Kafka poll in one statement, joined on the unique index
    // (tenant_id, lower(user_name)): logins compare case-insensitively, always within one tenant.
    private static final String FIND = """
            SELECT k.tenant_id, k.login, u.user_id, u.user_name, u.department, u.risk_score, u.privileged
              FROM unnest($1::text[], $2::text[]) AS k(tenant_id, login)
              JOIN enrich.users u ON u.tenant_id = k.tenant_id AND lower(u.user_name) = k.login
            """;

    private final Pool pool;

    public UserRepository(Pool pool) {
        this.pool = pool;
    }

    /** The users of these keys that exist; a key without a user is absent from the map. */
    public Uni<Map<ContextKey, UserContext>> find(Collection<ContextKey.User> keys) {
        List<String> tenants = new ArrayList<>(keys.size());
        List<String> logins = new ArrayList<>(keys.size());
        for (ContextKey.User k : keys) {
            tenants.add(k.tenantId());
            logins.add(k.login());
        }
        return pool.preparedQuery(FIND)
                .execute(Tuple.tuple().addArrayOfString(tenants.toArray(String[]::new))
                        .addArrayOfString(logins.toArray(String[]::new)))
                .map(rows -> {
                    Map<ContextKey, UserContext> found = new HashMap<>();
                    for (Row r : rows) {
                        found.put(new ContextKey.User(r.getString("tenant_id"), r.getString("login")),
                                new UserContext(r.getString("user_id"), r.getString("user_name"), r.getString("department"),
                                        r.getInteger("risk_score"), r.getBoolean("privileged")));
                    }
                    return found;
                });
    }
}
