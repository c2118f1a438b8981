package io.protect.store.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A row of {@code predictions} (created by Flyway); the jsonb features are mapped as JSON text. */
@Entity
@Table(name = "predictions")
public class PredictionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "label", nullable = false)
    public String label;

    @Column(name = "probability", nullable = false)
    public double probability;

    @Column(name = "model_version", nullable = false)
    public String modelVersion;

    /** Feature name to value, as JSON text. */
    @Column(name = "features", nullable = false)
    @ColumnTransformer(read = "cast(features as text)", write = "cast(cast(? as text) as jsonb)")
    public String features;

    @Column(name = "stored_at", nullable = false, insertable = false, updatable = false)
    public Instant storedAt;
}
