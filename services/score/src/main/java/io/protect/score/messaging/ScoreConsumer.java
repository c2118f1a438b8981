package io.protect.score.messaging;

import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.messaging.Channel;
import io.protect.model.events.AlertNormalized;
import io.protect.score.stage.HeuristicModel;
import io.protect.score.stage.ScoreStage;
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
 * Kafka glue of the score stage: reads OCSF alerts, scores them with {@link ScoreStage} and
 * publishes the prediction; the record is acknowledged once the prediction is on the broker.
 */
@ApplicationScoped
public class ScoreConsumer {

    /** Stage name in metrics and dead-letter headers. */
    public static final String STAGE = "score";

    private final ScoreStage stage = new ScoreStage(new HeuristicModel());

    @Inject
    StageRunner runner;

    @Inject
    EnvelopeFactory envelopeFactory;

    @Inject
    @org.eclipse.microprofile.reactive.messaging.Channel(Channel.PREDICTIONS_OUT_NAME)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = StageRunner.EMITTER_BUFFER)
    MutinyEmitter<EventEnvelope> emitter;

    @Incoming(Channel.ALERTS_OCSF_IN_NAME)
    public Uni<Void> consume(Message<List<byte[]>> batch) {
        return runner.runBatch(STAGE, batch, in -> {
            if (!EventType.ALERT_NORMALIZED.wireName().equals(in.eventType())) {
                throw new PermanentFailure("expected an " + EventType.ALERT_NORMALIZED.wireName() + " event, got " + in.eventType());
            }
            var scored = stage.score(AlertNormalized.from(in.data()));
            EventEnvelope out = envelopeFactory.advance(in, EventType.ALERT_SCORED, scored.toJson());
            return emitter.sendMessage(Outbound.to(Topic.SECURITY_ML_PREDICTIONS, out));
        });
    }
}
