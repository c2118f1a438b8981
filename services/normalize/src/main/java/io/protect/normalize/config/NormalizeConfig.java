package io.protect.normalize.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the normalize stage. */
@ConfigMapping(prefix = "protect.normalize")
public interface NormalizeConfig {

    /**
     * Whether each OCSF event keeps the source event as {@code raw_data}. On by default (forensics
     * and re-mapping need it); turn off where storage matters more, every field being mapped or in
     * {@code unmapped} anyway.
     */
    @WithDefault("true")
    boolean rawData();
}
