package io.protect.enrich.repository;

import io.protect.enrich.ContextKey;
import io.protect.model.events.AssetContext;
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

/** Reads tenants' assets from table {@code enrich.assets} with the reactive PostgreSQL client. */
@ApplicationScoped
public class AssetRepository {

    // Every key of a Kafka poll in one statement: (tenant, asset id) pairs and (tenant, address)
    // pairs as parallel arrays, each joined on the index that leads with tenant_id, so an asset is
    // only ever found within its own tenant. Addresses go in as text and are cast in SQL. When one
    // address has several assets, the smallest asset id wins (the ORDER BY), the same one every time.
    private static final String FIND = """
            SELECT k.tenant_id, k.asset_id AS key_id, NULL::text AS key_ip,
                   a.asset_id, host(a.ip) AS ip, a.hostname, a.criticality, a.owner, a.environment
              FROM unnest($1::text[], $2::text[]) AS k(tenant_id, asset_id)
              JOIN enrich.assets a ON a.tenant_id = k.tenant_id AND a.asset_id = k.asset_id
            UNION ALL
            SELECT k.tenant_id, NULL, k.ip,
                   a.asset_id, host(a.ip), a.hostname, a.criticality, a.owner, a.environment
              FROM unnest($3::text[], $4::text[]) AS k(tenant_id, ip)
              JOIN enrich.assets a ON a.tenant_id = k.tenant_id AND a.ip = k.ip::inet
             ORDER BY 4 DESC
            """;

    private final Pool pool;

    public AssetRepository(Pool pool) {
        this.pool = pool;
    }

    /** The assets of these keys that exist; a key without an asset is absent from the map. */
    public Uni<Map<ContextKey, AssetContext>> find(Collection<? extends ContextKey> keys) {
        List<String> idTenants = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> ipTenants = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (ContextKey key : keys) {
            if (key instanceof ContextKey.AssetById k) {
                idTenants.add(k.tenantId());
                ids.add(k.assetId());
            } else if (key instanceof ContextKey.AssetByIp k) {
                ipTenants.add(k.tenantId());
                ips.add(k.ip());
            }
        }
        return pool.preparedQuery(FIND)
                .execute(Tuple.tuple().addArrayOfString(idTenants.toArray(String[]::new))
                        .addArrayOfString(ids.toArray(String[]::new))
                        .addArrayOfString(ipTenants.toArray(String[]::new))
                        .addArrayOfString(ips.toArray(String[]::new)))
                .map(rows -> {
                    Map<ContextKey, AssetContext> found = new HashMap<>();
                    // Rows come largest asset id first, so the smallest is put last and stays.
                    for (Row r : rows) {
                        ContextKey key = r.getString("key_id") != null
                                ? new ContextKey.AssetById(r.getString("tenant_id"), r.getString("key_id"))
                                : new ContextKey.AssetByIp(r.getString("tenant_id"), r.getString("key_ip"));
                        found.put(key, new AssetContext(r.getString("asset_id"), r.getString("ip"),
                                r.getString("hostname"), r.getInteger("criticality"), r.getString("owner"),
                                r.getString("environment")));
                    }
                    return found;
                });
    }
}
