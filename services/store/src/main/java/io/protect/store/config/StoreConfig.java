package io.protect.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The store API's settings. */
@ConfigMapping(prefix = "protect.store")
public interface StoreConfig {

    /** Paging of {@code GET /api/v1/events}. */
    Page page();

    /** Page sizes. */
    interface Page {
        /** Items per page when the request gives no {@code limit}. */
        @WithDefault("50")
        int defaultLimit();

        /** The largest {@code limit} accepted; larger ones are a 400, not silently capped. */
        @WithDefault("500")
        int maxLimit();
    }
}
