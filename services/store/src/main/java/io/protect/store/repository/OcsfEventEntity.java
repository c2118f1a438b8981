package io.protect.store.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A row of {@code ocsf_events} (created by Flyway). The inet and jsonb columns are read and written
 * as text: Hibernate sees strings, PostgreSQL keeps its own types (and their indexes).
 */
@Entity
@Table(name = "ocsf_events")
public class OcsfEventEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "class_uid", nullable = false)
    public int classUid;

    @Column(name = "severity_id", nullable = false)
    public int severityId;

    @Column(name = "time", nullable = false)
    public Instant time;

    @Column(name = "src_ip")
    @ColumnTransformer(read = "host(src_ip)", write = "cast(cast(? as text) as inet)")
    public String srcIp;

    @Column(name = "dst_ip")
    @ColumnTransformer(read = "host(dst_ip)", write = "cast(cast(? as text) as inet)")
    public String dstIp;

    @Column(name = "user_name")
    public String userName;

    @Column(name = "host_name")
    public String hostName;

    @Column(name = "source_format", nullable = false)
    public String sourceFormat;

    @Column(name = "stored_at", nullable = false, insertable = false, updatable = false)
    public Instant storedAt;

    /** The whole OCSF event, as JSON text. */
    @Column(name = "ocsf", nullable = false)
    @ColumnTransformer(read = "cast(ocsf as text)", write = "cast(cast(? as text) as jsonb)")
    public String ocsf;
}
