package io.protect.store.repository;

import io.protect.store.StoredEvent;
import io.protect.store.StoredPrediction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes what the store consumes, a whole Kafka poll per statement: one {@code INSERT ... SELECT
 * FROM unnest(...)} with a column array per field, so a poll of hundreds of alerts costs one round
 * trip and one statement instead of one transaction each. The primary key still decides, row by
 * row, whether an event is new: {@code ON CONFLICT DO NOTHING} makes a redelivered event (in an
 * earlier statement or twice in the same one) a no-op. A single statement needs no explicit
 * transaction: it is stored completely or not at all.
 *
 * <p>Writes go through the reactive PostgreSQL client directly; Hibernate Reactive keeps serving
 * the reads of the query API.
 */
@ApplicationScoped
public class BatchWriter {

    private final Pool pool;
    private final String insertEvents;
    private final String insertPredictions;

    public BatchWriter(Pool pool, @ConfigProperty(name = "quarkus.flyway.default-schema") String schema) {
        this.pool = pool;
        this.insertEvents = """
                INSERT INTO %s.ocsf_events (event_id, tenant_id, class_uid, severity_id, time, src_ip, dst_ip,
                    user_name, host_name, source_format, ingested_at, ocsf)
                SELECT * FROM unnest($1::uuid[], $2::text[], $3::int4[], $4::int4[], $5::timestamptz[],
                    $6::text[]::inet[], $7::text[]::inet[], $8::text[], $9::text[], $10::text[], $11::timestamptz[],
                    $12::text[]::jsonb[])
                ON CONFLICT (event_id) DO NOTHING
                """.formatted(schema);
        this.insertPredictions = """
                INSERT INTO %s.predictions (event_id, tenant_id, label, probability, model_version, features)
                SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::text[]::jsonb[])
                ON CONFLICT (event_id) DO NOTHING
                """.formatted(schema);
    }

    /** Stores the events not stored yet; the item is how many rows were new. */
    public Uni<Integer> insertEvents(List<StoredEvent> events) {
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] tenants = new String[n];
        Integer[] classes = new Integer[n];
        Integer[] severities = new Integer[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        String[] srcIps = new String[n];
        String[] dstIps = new String[n];
        String[] users = new String[n];
        String[] hosts = new String[n];
        String[] formats = new String[n];
        OffsetDateTime[] ingested = new OffsetDateTime[n];
        String[] ocsf = new String[n];
        for (int i = 0; i < n; i++) {
            StoredEvent e = events.get(i);
            ids[i] = e.eventId();
            tenants[i] = e.tenantId();
            classes[i] = e.classUid();
            severities[i] = e.severityId();
            times[i] = utc(e.time());
            srcIps[i] = e.srcIp();
            dstIps[i] = e.dstIp();
            users[i] = e.userName();
            hosts[i] = e.hostName();
            formats[i] = e.sourceFormat();
            ingested[i] = utc(e.ingestedAt());
            ocsf[i] = e.ocsf();
        }
        Tuple args = Tuple.tuple(List.of(ids, tenants, classes, severities, times, srcIps, dstIps, users, hosts, formats,
                ingested, ocsf));
        return pool.preparedQuery(insertEvents).execute(args).map(rows -> rows.rowCount());
    }

    /** Stores the predictions not stored yet; the item is how many rows were new. */
    public Uni<Integer> insertPredictions(List<StoredPrediction> predictions) {
        int n = predictions.size();
        UUID[] ids = new UUID[n];
        String[] tenants = new String[n];
        String[] labels = new String[n];
        Double[] probabilities = new Double[n];
        String[] models = new String[n];
        String[] features = new String[n];
        for (int i = 0; i < n; i++) {
            StoredPrediction p = predictions.get(i);
            ids[i] = p.eventId();
            tenants[i] = p.tenantId();
            labels[i] = p.label();
            probabilities[i] = p.probability();
            models[i] = p.modelVersion();
            features[i] = p.features();
        }
        Tuple args = Tuple.tuple(List.of(ids, tenants, labels, probabilities, models, features));
        return pool.preparedQuery(insertPredictions).execute(args).map(rows -> rows.rowCount());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
