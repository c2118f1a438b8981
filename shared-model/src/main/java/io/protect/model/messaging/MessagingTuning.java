package io.protect.model.messaging;

/**
 * How the stages trade latency for batching, the same for every channel of a service.
 *
 * @param tracing        whether the connector traces every record (see {@link CatalogChannelConfigSourceFactory})
 * @param lingerMs       how long a producer waits to fill a batch ({@code linger.ms})
 * @param fetchMinBytes  how much a consumer's fetch waits for ({@code fetch.min.bytes})
 * @param fetchMaxWaitMs how long it waits for that at most ({@code fetch.max.wait.ms})
 */
public record MessagingTuning(boolean tracing, int lingerMs, int fetchMinBytes, int fetchMaxWaitMs) {
    /**
     * Per-record tracing off; producers linger up to 20 ms and fetches wait up to 20 ms for 64 KiB.
     * Against Kafka's defaults (5 ms, 1 byte) this fills batches of tens of records instead of
     * one or two, which is what most of every stage's Kafka CPU went into: in the same hour on
     * the same two cores, three ./protect bench --quick runs stored 190-288 events/s (median
     * 255) against 151-158, and at 50 events/s p50/p99 ingest to store fell from 216/385 ms to
     * 126/303 ms, the machine being less busy. The knobs are protect.messaging.linger-ms,
     * fetch-min-bytes and fetch-max-wait-ms.
     */
    public static final MessagingTuning DEFAULT = new MessagingTuning(false, 20, 65536, 20);
}
