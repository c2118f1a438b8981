package io.protect.tools.launcher.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the store's table directly: rows stored, rows per second of {@code stored_at}, and the
 * per-event latency {@code stored_at - ingested_at} (ingest's accept time, from the UUID v7 id).
 */
final class StoreProbe implements AutoCloseable {

    private final Connection connection;

    StoreProbe(String jdbcUrl, String user, String password) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Every stored event. */
    long count() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM store.ocsf_events")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Rows inserted so far as PostgreSQL's statistics count them: cheap (no scan of the table) but up
     * to a second or so behind; for pacing only, never for the accounting.
     */
    long insertedApprox() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(
                "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE schemaname = 'store' "
                        + "AND relname = 'ocsf_events'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Rows whose {@code stored_at} is in [from, to). */
    long storedBetween(Instant from, Instant to) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT count(*) FROM store.ocsf_events WHERE stored_at >= ? AND stored_at < ?")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Rows stored per epoch second of {@code stored_at}, from {@code from} on. */
    Map<Long, Long> storedPerSecond(Instant from) throws SQLException {
        Map<Long, Long> out = new TreeMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT floor(extract(epoch FROM stored_at))::bigint AS s, "
                + "count(*) FROM store.ocsf_events WHERE stored_at >= ? GROUP BY s")) {
            s.setTimestamp(1, Timestamp.from(from));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getLong(1), r.getLong(2));
                }
            }
        }
        return out;
    }

    /** Ingest-accept times and ingest → stored latencies (ms) of the rows ingested in [from, to). */
    LatencySamples latencies(Instant from, Instant to) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT (extract(epoch FROM ingested_at) * 1000)::bigint, "
                + "round(extract(epoch FROM (stored_at - ingested_at)) * 1000)::bigint FROM store.ocsf_events "
                + "WHERE ingested_at >= ? AND ingested_at < ?")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            s.setFetchSize(10_000);
            LatencySamples samples = new LatencySamples();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    samples.add(r.getLong(1), r.getLong(2));
                }
            }
            return samples;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
