package io.protect.store.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads {@code predictions} (BatchWriter writes them); the caller opens the session, every read is tenant-scoped. */
@ApplicationScoped
public class PredictionRepository implements PanacheRepositoryBase<PredictionEntity, UUID> {

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
