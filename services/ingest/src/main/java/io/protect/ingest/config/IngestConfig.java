package io.protect.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the ingestion API. */
@ConfigMapping(prefix = "protect.ingest")
public interface IngestConfig {

    /** Largest request body accepted, in bytes; larger requests get 413. */
    @WithDefault("1048576")
    int maxRequestBytes();

    /** Largest single alert accepted, in bytes of its JSON; a larger one fails the request with 413. */
    @WithDefault("65536")
    int maxEventBytes();

    /** Most alerts in one request. */
    @WithDefault("10000")
    int maxEventsPerRequest();
}
