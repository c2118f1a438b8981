package io.protect.store.repository;

import io.protect.store.EventQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads {@code ocsf_events} (BatchWriter writes them). Every method needs a session (or transaction) opened by the
 * caller, and every read is scoped to one tenant.
 */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<OcsfEventEntity, UUID> {

    // inet and jsonb are handed to Hibernate as text; the aliases match the entity's column names.
    private static final String SELECT = """
            SELECT event_id, tenant_id, class_uid, severity_id, time, host(src_ip) AS src_ip, host(dst_ip) AS dst_ip,
                user_name, host_name, source_format, stored_at, cast(ocsf as text) AS ocsf
            FROM {h-schema}ocsf_events
            WHERE tenant_id = :tenantId
            """;

    /**
     * One page of a tenant's events, newest first (ties broken by event id, descending), starting
     * after the query's cursor. Fetches {@code limit + 1} rows so the caller knows whether a next
     * page exists.
     */
    public Uni<List<OcsfEventEntity>> page(String tenantId, EventQuery query) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = new HashMap<>();
        params.put("tenantId", tenantId);
        if (query.classUid() != null) {
            sql.append(" AND class_uid = :classUid");
            params.put("classUid", query.classUid());
        }
        if (query.severityId() != null) {
            sql.append(" AND severity_id = :severityId");
            params.put("severityId", query.severityId());
        }
        if (query.since() != null) {
            sql.append(" AND time >= :since");
            params.put("since", query.since());
        }
        if (query.until() != null) {
            sql.append(" AND time < :until");
            params.put("until", query.until());
        }
        if (query.srcIp() != null) {
            // Compared as inet, so 2001:db8::1 matches however the address was written.
            sql.append(" AND src_ip = cast(cast(:srcIp as text) as inet)");
            params.put("srcIp", query.srcIp());
        }
        query.after().ifPresent(c -> {
            // Keyset paging: strictly after the previous page's last item in (time, event_id)
            // order, so concurrent inserts never shift a page or repeat an item.
            sql.append(" AND (time, event_id) < (:afterTime, :afterId)");
            params.put("afterTime", c.time());
            params.put("afterId", c.eventId());
        });
        sql.append(" ORDER BY time DESC, event_id DESC LIMIT :limit");
        params.put("limit", query.limit() + 1);
        return getSession().chain(s -> {
            var q = s.createNativeQuery(sql.toString(), OcsfEventEntity.class);
            params.forEach(q::setParameter);
            return q.getResultList();
        });
    }

    /** A tenant's event by id; {@code null} when absent or another tenant's. */
    public Uni<OcsfEventEntity> findForTenant(String tenantId, UUID eventId) {
        return find("eventId = ?1 and tenantId = ?2", eventId, tenantId).firstResult();
    }

    public Uni<Long> countForTenant(String tenantId) {
        return count("tenantId", tenantId);
    }
}
