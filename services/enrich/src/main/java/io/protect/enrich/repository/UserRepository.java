package io.protect.enrich.repository;

import io.protect.enrich.UserContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Reads a tenant's users from table {@code enrich.users} with the reactive PostgreSQL client. */
@ApplicationScoped
public class UserRepository {

    // Login names are compared case-insensitively (Windows logs DOMAIN\User in any case), always
    // within one tenant.
    private static final String FIND = """
            SELECT user_id, user_name, department, risk_score, privileged
              FROM enrich.users
             WHERE tenant_id = $1 AND lower(user_name) = lower($2)
             LIMIT 1
            """;

    private final Pool pool;

    public UserRepository(Pool pool) {
        this.pool = pool;
    }

    /** The tenant's user with this login name. */
    public Uni<Optional<UserContext>> findByName(String tenantId, String userName) {
        return pool.preparedQuery(FIND).execute(Tuple.of(tenantId, userName)).map(UserRepository::first);
    }

    private static Optional<UserContext> first(RowSet<Row> rows) {
        var it = rows.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Row r = it.next();
        return Optional.of(new UserContext(r.getString("user_id"), r.getString("user_name"), r.getString("department"),
                r.getInteger("risk_score"), r.getBoolean("privileged")));
    }
}
