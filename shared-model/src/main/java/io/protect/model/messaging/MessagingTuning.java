package io.protect.model.messaging;

/**
 * How the stages trade latency for batching, the same for every channel of a service.
 *
 * @param tracing        whether the connector traces every record (see {@link CatalogChannelConfigSourceFactory})
 * @param lingerMs       how long a producer waits to fill a batch ({@code linger.ms})
 * @param fetchMinBytes  how much a consumer's fetch waits for ({@code fetch.min.bytes})
 * @param fetchMaxWaitMs how long it waits for that at most ({@code fetch.max.wait.ms})
 * @param compression    how producers compress their batches ({@code compression.type}: lz4, zstd, none, ...)
 */
public record MessagingTuning(boolean tracing, int lingerMs, int fetchMinBytes, int fetchMaxWaitMs, String compression) {

    /** The compression types a Kafka producer knows. */
    static final java.util.Set<String> COMPRESSIONS = java.util.Set.of("none", "gzip", "snappy", "lz4", "zstd");

    public MessagingTuning {
        if (!COMPRESSIONS.contains(compression)) {
            throw new IllegalArgumentException("compression must be one of " + COMPRESSIONS + ", not '" + compression + "'");
        }
    }
    /**
     * Per-record tracing off; producers linger 5 ms and compress with lz4; fetches answer as soon as
     * there is one byte and wait at most 500 ms when there is none (Kafka's own fetch defaults).
     * A stage hands a whole poll's outputs to its producer at once, so batches fill without a long
     * linger; a fetch that returns at once keeps each hop's latency to the work, and the long wait
     * keeps an idle stage from polling the broker. In the same hour on two shared cores (./protect
     * bench --quick with a 40 s throughput phase, two runs each, compression none on the local
     * broker), against linger 20 ms and fetches waiting up to 20 ms for 64 KiB: 576 and 782 against
     * 808 and 705 events/s stored (the same within the machine's noise), ingest-to-store p50 85 ms
     * against 139 ms at 200 events/s, and the idle stack at 13-17 % of a core against 48 %. The knobs
     * are protect.messaging.linger-ms, fetch-min-bytes, fetch-max-wait-ms and compression.
     */
    public static final MessagingTuning DEFAULT = new MessagingTuning(false, 5, 1, 500, "lz4");
}
