package io.protect.normalize.messaging;

import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.messaging.Channel;
import io.protect.normalize.AlertEnriched;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.stage.NormalizeStage;
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
 * Kafka glue of the normalize stage: reads enriched alerts, runs {@link NormalizeStage}, publishes
 * the OCSF alert to the pipeline and to its domain topic, and acknowledges only after both sends
 * completed. An event that fails OCSF validation is a permanent failure: dead-lettered with its
 * violations.
 */
@ApplicationScoped
public class NormalizeConsumer {

    /** Stage name in metrics and dead-letter headers. */
    public static final String STAGE = "normalize";

    private final NormalizeStage stage;

    public NormalizeConsumer(io.protect.normalize.config.NormalizeConfig config) {
        this.stage = new NormalizeStage(config.rawData());
    }

    @Inject
    StageRunner runner;

    @Inject
    EnvelopeFactory envelopeFactory;

    @Inject
    @org.eclipse.microprofile.reactive.messaging.Channel(Channel.ALERTS_OCSF_OUT_NAME)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = StageRunner.EMITTER_BUFFER)
    MutinyEmitter<EventEnvelope> pipeline;

    @Inject
    @org.eclipse.microprofile.reactive.messaging.Channel(Channel.DOMAIN_EVENTS_OUT_NAME)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = StageRunner.EMITTER_BUFFER)
    MutinyEmitter<EventEnvelope> domain;

    @Incoming(Channel.ALERTS_ENHANCED_IN_NAME)
    public Uni<Void> consume(Message<List<byte[]>> batch) {
        return runner.runBatch(STAGE, batch, this::handle);
    }

    private Uni<Void> handle(EventEnvelope in) {
        if (!EventType.ALERT_ENRICHED.wireName().equals(in.eventType())) {
            throw new PermanentFailure("expected an " + EventType.ALERT_ENRICHED.wireName() + " event, got " + in.eventType());
        }
        NormalizeStage.Result result = stage.normalize(AlertEnriched.from(in.data()),
                new MappingContext(in.eventId(), in.tenant().tenantId(), in.correlation().correlationId(), in.timestamp()));
        if (!result.valid()) {
            throw new PermanentFailure("OCSF validation failed for event " + in.eventId() + ":\n" + result.validation());
        }
        EventEnvelope out = envelopeFactory.advance(in, EventType.ALERT_NORMALIZED, result.normalized().toJson());
        // Both copies at once; the record is acknowledged only when both are on the broker.
        return Uni.join().all(pipeline.sendMessage(Outbound.to(Topic.SECURITY_ALERTS_OCSF_READY, out)),
                domain.sendMessage(Outbound.toTopic(result.domainTopic(), out))).andFailFast().replaceWithVoid();
    }
}
