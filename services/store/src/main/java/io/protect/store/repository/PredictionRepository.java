package io.protect.store.repository;

import io.protect.store.StoredPrediction;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads and writes {@code predictions}; the caller opens the session, every read is tenant-scoped. */
@ApplicationScoped
public class PredictionRepository implements PanacheRepositoryBase<PredictionEntity, UUID> {

    /** As for events: the primary key makes a redelivered prediction a no-op. */
    private static final String INSERT = """
            INSERT INTO {h-schema}predictions (event_id, tenant_id, label, probability, model_version, features)
            VALUES (:eventId, :tenantId, :label, :probability, :modelVersion, cast(cast(:features as text) as jsonb))
            ON CONFLICT (event_id) DO NOTHING
            """;

    /** Stores a prediction unless one for its event exists; true when this call stored it. */
    public Uni<Boolean> insertIfAbsent(StoredPrediction p) {
        return getSession().chain(s -> s.createNativeQuery(INSERT)
                .setParameter("eventId", p.eventId())
                .setParameter("tenantId", p.tenantId())
                .setParameter("label", p.label())
                .setParameter("probability", p.probability())
                .setParameter("modelVersion", p.modelVersion())
                .setParameter("features", p.features().toString())
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    /** The tenant's predictions of the given events. */
    public Uni<List<PredictionEntity>> forEvents(String tenantId, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("tenantId = ?1 and eventId in ?2", tenantId, eventIds);
    }

    public Uni<Long> countForTenant(String tenantId) {
        return count("tenantId", tenantId);
    }
}
