package io.protect.ingest.syslog;

import io.protect.model.events.AlertReceived;
import io.protect.ingest.config.IngestConfig;
import io.protect.ingest.config.SyslogConfig;
import io.protect.ingest.messaging.RawAlertPublisher;
import io.protect.ingest.stage.AlertBatchParser;
import io.protect.ingest.stage.LineFormats;
import io.protect.ingest.stage.RawAlertBuilder;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.service.common.AuthConfig;
import io.protect.model.messaging.Channel;
import io.protect.service.common.DeadLetters;
import io.protect.service.common.Output;
import io.protect.service.common.StageMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Syslog over TCP (RFC 6587 LF framing or RFC 5425 octet counting, TLS optional) for CEF and LEEF
 * lines: each message is parsed like a {@code text/plain} line of the REST API, enveloped for the
 * listener's tenant and published to security.alerts.raw. The connection is paused while a read's
 * messages are being published, so a slow broker slows the sender instead of filling memory. A
 * message that cannot be parsed is dead-lettered with its text and the reason: syslog has no way
 * to answer a sender, and nothing may be lost.
 */
@ApplicationScoped
public class SyslogListener {

    static final String STAGE = "ingest-syslog";
    private static final Logger LOG = Logger.getLogger(SyslogListener.class);

    private final Vertx vertx;
    private final SyslogConfig config;
    private final IngestConfig limits;
    private final AuthConfig auth;
    private final EnvelopeFactory envelopes;
    private final RawAlertPublisher publisher;
    private final DeadLetters deadLetters;
    private final StageMetrics metrics;
    private volatile NetServer server;
    private EventEnvelope.Tenant tenant;

    public SyslogListener(Vertx vertx, SyslogConfig config, IngestConfig limits, AuthConfig auth,
            EnvelopeFactory envelopes, RawAlertPublisher publisher, DeadLetters deadLetters, StageMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.limits = limits;
        this.auth = auth;
        this.envelopes = envelopes;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        String tenantId = config.tenant().orElseThrow(() -> new IllegalStateException(
                "protect.ingest.syslog.tenant must name the tenant of the syslog listener"));
        AuthConfig.TenantConfig known = auth.tenants().get(tenantId);
        if (known == null) {
            throw new IllegalStateException("protect.ingest.syslog.tenant '" + tenantId + "' is not a configured tenant");
        }
        tenant = new EventEnvelope.Tenant(tenantId, known.organization().orElse(null));
        NetServerOptions options = new NetServerOptions().setHost(config.host()).setPort(config.port());
        if (config.tlsCertPath().isPresent() && config.tlsKeyPath().isPresent()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(config.tlsCertPath().get()).setKeyPath(config.tlsKeyPath().get()));
        }
        server = vertx.createNetServer(options).connectHandler(this::connection);
        server.listen().toCompletionStage().toCompletableFuture().join();
        LOG.infof("syslog listener on %s:%d (%s) for tenant %s", config.host(), server.actualPort(),
                options.isSsl() ? "TLS" : "plain TCP", tenantId);
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.close();
        }
    }

    /** The port the listener is bound to (tests listen on port 0). */
    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    private void connection(NetSocket socket) {
        SyslogFramer framer = new SyslogFramer(limits.maxEventBytes());
        socket.handler(buffer -> {
            List<String> messages;
            try {
                messages = framer.feed(buffer.getBytes());
            } catch (SyslogFramer.FramingException e) {
                LOG.warnf("closing syslog connection from %s: %s", socket.remoteAddress(), e.getMessage());
                socket.close();
                return;
            }
            if (!messages.isEmpty()) {
                socket.pause();
                handle(messages).subscribe().with(done -> socket.resume(), failure -> {
                    LOG.errorf(failure, "syslog messages from %s could not be published; closing so the sender retries",
                            socket.remoteAddress());
                    socket.close();
                });
            }
        });
        socket.endHandler(end -> {
            try {
                List<String> last = framer.finish();
                if (!last.isEmpty()) {
                    handle(last).subscribe().with(done -> { }, failure -> LOG.error("last syslog message lost", failure));
                }
            } catch (SyslogFramer.FramingException e) {
                LOG.warnf("syslog connection from %s ended mid-message: %s", socket.remoteAddress(), e.getMessage());
            }
        });
    }

    /** Publishes what parses and dead-letters what does not; completes when the broker has all of it. */
    Uni<Void> handle(List<String> messages) {
        long start = System.nanoTime();
        List<Output> batch = new ArrayList<>();
        List<Uni<Void>> dead = new ArrayList<>();
        for (String text : messages) {
            try {
                List<AlertReceived> alerts = RawAlertBuilder.fromLines(List.of(LineFormats.parseLine(text, 1)));
                batch.add(RawAlertPublisher.record(
                        envelopes.createEvent(EventType.ALERT_RECEIVED, tenant, alerts.get(0), null)));
            } catch (AlertBatchParser.BadBatch | IllegalArgumentException e) {
                metrics.deadLettered(STAGE);
                dead.add(deadLetters.send(null, text.getBytes(StandardCharsets.UTF_8),
                        new DeadLetters.Failure(STAGE, e, 1, null, tenant.tenantId())));
            }
        }
        List<Uni<Void>> all = new ArrayList<>(dead);
        all.add(publisher.publish(batch).invoke(() -> batch.forEach(e -> metrics.processed(STAGE, start))));
        return Uni.join().all(all).andCollectFailures().replaceWithVoid();
    }
}
