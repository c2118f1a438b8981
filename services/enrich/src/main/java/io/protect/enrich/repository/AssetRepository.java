package io.protect.enrich.repository;

import io.protect.enrich.AssetContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads a tenant's assets from table {@code enrich.assets} with the reactive PostgreSQL client. */
@ApplicationScoped
public class AssetRepository {

    // Parameters go in as text and are cast in SQL, so the client never has to encode inet values.
    // Every query is bound to one tenant: another tenant's asset with the same address is never seen.
    // The asset named by id wins over one found by address; among addresses, the earlier one (the
    // alert's source) wins.
    private static final String FIND = """
            SELECT asset_id, host(ip) AS ip, hostname, criticality, owner, environment
              FROM enrich.assets
             WHERE tenant_id = $1
               AND (asset_id = $2::text OR ip = ANY($3::text[]::inet[]))
             ORDER BY (asset_id = $2::text) DESC NULLS LAST, array_position($3::text[]::inet[], ip)
             LIMIT 1
            """;

    private final Pool pool;

    public AssetRepository(Pool pool) {
        this.pool = pool;
    }

    /** The tenant's asset with this id, else the one at the first of these addresses that has one. */
    public Uni<Optional<AssetContext>> find(String tenantId, String assetId, List<String> ips) {
        return pool.preparedQuery(FIND)
                .execute(Tuple.tuple().addString(tenantId).addString(assetId).addArrayOfString(ips.toArray(String[]::new)))
                .map(AssetRepository::first);
    }

    private static Optional<AssetContext> first(RowSet<Row> rows) {
        var it = rows.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Row r = it.next();
        return Optional.of(new AssetContext(r.getString("asset_id"), r.getString("ip"), r.getString("hostname"),
                r.getInteger("criticality"), r.getString("owner"), r.getString("environment")));
    }
}
