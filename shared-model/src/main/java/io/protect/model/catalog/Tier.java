package io.protect.model.catalog;

import java.time.Duration;

/**
 * The three kinds of topic of the design and the production settings each implies. A topic's
 * tier fixes its partitions, retention, compression, cleanup policy and durability; a profile
 * ({@link CatalogProfile}) may only scale partitions and replication down for local use.
 */
public enum Tier {
    /** Sensor firehoses (flows, DNS, alerts): many partitions, short retention, cheap compression. */
    HIGH_VOLUME(48, Duration.ofDays(7), "lz4", "delete", 3, 2),
    /** Ordinary domain events: moderate parallelism, a month of replay. */
    STANDARD(12, Duration.ofDays(30), "lz4", "delete", 3, 2),
    /** Audit and compliance records: few partitions, kept seven years, compressed hard. */
    AUDIT_COMPLIANCE(6, Duration.ofDays(7 * 365 + 2), "zstd", "delete", 3, 2);

    private final int partitions;
    private final Duration retention;
    private final String compression;
    private final String cleanupPolicy;
    private final short replicationFactor;
    private final int minInSyncReplicas;

    Tier(int partitions, Duration retention, String compression, String cleanupPolicy, int replicationFactor,
            int minInSyncReplicas) {
        this.partitions = partitions;
        this.retention = retention;
        this.compression = compression;
        this.cleanupPolicy = cleanupPolicy;
        this.replicationFactor = (short) replicationFactor;
        this.minInSyncReplicas = minInSyncReplicas;
    }

    public int partitions() {
        return partitions;
    }

    public Duration retention() {
        return retention;
    }

    public String compression() {
        return compression;
    }

    public String cleanupPolicy() {
        return cleanupPolicy;
    }

    public short replicationFactor() {
        return replicationFactor;
    }

    public int minInSyncReplicas() {
        return minInSyncReplicas;
    }
}
