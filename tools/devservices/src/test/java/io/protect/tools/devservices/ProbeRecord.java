package io.protect.tools.devservices;

import io.quarkus.hibernate.reactive.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A test-only entity: proves Hibernate Reactive Panache writes to and reads from the local PostgreSQL. */
@Entity
@Table(name = "probe_record")
public class ProbeRecord extends PanacheEntity {
    @Column(nullable = false)
    public String tenantId;
    @Column(nullable = false)
    public String note;
    @Column(nullable = false)
    public Instant createdAt;
}
