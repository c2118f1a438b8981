package io.protect.enrich.messaging;

import io.protect.model.events.AlertReceived;
import io.protect.enrich.config.EnrichConfig;
import io.protect.enrich.service.EnrichmentService;
import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.messaging.Channel;
import io.protect.service.common.Outbound;
import io.protect.service.common.PermanentFailure;
import io.protect.service.common.StageRunner;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The enrich stage's messaging glue: raw alerts in, enriched alerts out, through the common stage
 * runner (at-least-once, retries, dead-lettering, metrics).
 */
@ApplicationScoped
public class AlertEnrichmentConsumer {

    /** The stage name in metrics and dead letters. */
    public static final String STAGE = "enrich";

    @Inject
    StageRunner runner;

    @Inject
    EnrichmentService enrichment;

    @Inject
    EnvelopeFactory envelopes;

    @Inject
    EnrichConfig config;

    @Inject
    @org.eclipse.microprofile.reactive.messaging.Channel(Channel.ALERTS_ENHANCED_OUT_NAME)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = StageRunner.EMITTER_BUFFER)
    MutinyEmitter<EventEnvelope> emitter;

    @Incoming(Channel.ALERTS_RAW_IN_NAME)
    public Uni<Void> consume(Message<List<byte[]>> batch) {
        return runner.runBatch(STAGE, batch, config.lookupConcurrency(), envelope -> enrich(envelope)
                .chain(out -> emitter.sendMessage(Outbound.to(Topic.SECURITY_ALERTS_ENHANCED, out))));
    }

    private Uni<EventEnvelope> enrich(EventEnvelope envelope) {
        if (!EventType.ALERT_RECEIVED.wireName().equals(envelope.eventType())) {
            // Only AlertReceived belongs on this topic; anything else was produced by mistake.
            throw new PermanentFailure("enrich expects " + EventType.ALERT_RECEIVED.wireName() + " events, got "
                    + envelope.eventType());
        }
        AlertReceived alert = AlertReceived.from(envelope.data());
        return enrichment.enrich(envelope.tenant().tenantId(), alert)
                .map(enriched -> envelopes.advance(envelope, EventType.ALERT_ENRICHED, enriched.toJson()));
    }
}
