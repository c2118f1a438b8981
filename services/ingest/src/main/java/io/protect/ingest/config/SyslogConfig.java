package io.protect.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The syslog TCP input for CEF and LEEF senders (firewalls, proxies, SIEM forwarders), which cannot
 * speak HTTP. Syslog carries no credentials, so a listener belongs to one tenant: run one listener
 * (port) per tenant, or terminate TLS with client certificates in front of it.
 */
@ConfigMapping(prefix = "protect.ingest.syslog")
public interface SyslogConfig {

    /** Whether the listener runs. */
    @WithDefault("false")
    boolean enabled();

    /** Interface to listen on. */
    @WithDefault("0.0.0.0")
    String host();

    /** TCP port; 0 picks a free one (tests). 6514 is syslog over TLS, 514/601 plain. */
    @WithDefault("6514")
    int port();

    /** The tenant every message of this listener belongs to; must be a configured tenant. */
    Optional<String> tenant();

    /** TLS: PEM certificate chain and private key; TLS is on when both are set. */
    Optional<String> tlsCertPath();

    /** TLS: PEM private key. */
    Optional<String> tlsKeyPath();
}
