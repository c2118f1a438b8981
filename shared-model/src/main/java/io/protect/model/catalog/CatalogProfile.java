package io.protect.model.catalog;

/**
 * Where the catalog is deployed. Production keeps the tiers' figures; local (one broker on a
 * laptop or CI) divides partitions and has a single replica, so ordering and keying still behave
 * as in production while the broker stays small.
 */
public enum CatalogProfile {
    PRODUCTION(1, false),
    LOCAL(16, true);

    private final int partitionDivisor;
    private final boolean singleReplica;

    CatalogProfile(int partitionDivisor, boolean singleReplica) {
        this.partitionDivisor = partitionDivisor;
        this.singleReplica = singleReplica;
    }

    /** Partitions for a tier's count under this profile; never below one. */
    public int partitions(int tierPartitions) {
        return Math.max(1, tierPartitions / partitionDivisor);
    }

    public short replicationFactor(short tierFactor) {
        return singleReplica ? 1 : tierFactor;
    }

    public int minInSyncReplicas(int tierMinIsr) {
        return singleReplica ? 1 : tierMinIsr;
    }

    /** Reads a profile by name, case-insensitively ({@code local}, {@code production}). */
    public static CatalogProfile of(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
