package io.protect.service.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How every stage runs its polls: retries, polls in flight, and how much it checks what it reads. */
@ConfigMapping(prefix = "protect.stage")
public interface StageConfig {

    /** Retries of a record whose failure is not permanent. */
    Retry retry();

    /**
     * Polls a stage may have handed to its producer but not yet seen acknowledged by the broker. The
     * next poll is processed while earlier ones wait for their acks; past this many, the stage waits
     * for one to be acknowledged before it takes another (backpressure).
     */
    @WithDefault("4")
    int pollsInFlight();

    /**
     * Whether every record read is validated against the JSON Schemas of its envelope and payload,
     * not only checked for its event type, major version and the fields its reader binds. Records
     * the pipeline's own stages wrote are trusted by default (ingest validated them at the door);
     * records re-injected from outside (marked with the {@code protect-reinjected} header) are always
     * validated in full. The services' tests switch it on, so every hop of every test is a contract test.
     */
    @WithDefault("false")
    boolean fullValidation();

    /** Exponential backoff with jitter between the attempts of a record. */
    interface Retry {
        /** Attempts of a record, the first included, before it is dead-lettered. */
        @WithDefault("3")
        int maxAttempts();

        /** The delay before the second attempt; each later one doubles it. */
        @WithDefault("100ms")
        Duration initialDelay();

        /** The longest delay between two attempts. */
        @WithDefault("2s")
        Duration maxDelay();
    }
}
