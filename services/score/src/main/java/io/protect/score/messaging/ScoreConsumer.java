package io.protect.score.messaging;

import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.events.AlertNormalized;
import io.protect.model.events.AlertScored;
import io.protect.model.events.EventType;
import io.protect.model.messaging.Channel;
import io.protect.score.stage.HeuristicModel;
import io.protect.score.stage.ScoreStage;
import io.protect.service.common.Outcome;
import io.protect.service.common.Output;
import io.protect.service.common.PollHandler;
import io.protect.service.common.StageRunner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Kafka glue of the score stage: OCSF alerts in (security.alerts.ocsf.ready), their predictions out
 * (security.ml.predictions), a poll at a time through the common stage runner.
 */
@ApplicationScoped
public class ScoreConsumer {

    /** Stage name in metrics and dead-letter headers. */
    public static final String STAGE = "score";

    private final StageRunner runner;
    private final StageRunner.Stage<AlertNormalized> stage;

    public ScoreConsumer(StageRunner runner, EnvelopeFactory envelopes) {
        this.runner = runner;
        ScoreStage score = new ScoreStage(new HeuristicModel());
        this.stage = runner.stage(STAGE, AlertNormalized.CODEC, PollHandler.eachRecord(in -> Outcome.produce(
                Output.of(Channel.PREDICTIONS_OUT,
                        envelopes.advance(in, EventType.ALERT_SCORED, score.score(in.payload())), AlertScored.CODEC))));
    }

    @Incoming(Channel.ALERTS_OCSF_IN_NAME)
    public Uni<Void> consume(Message<ConsumerRecords<String, byte[]>> batch) {
        return runner.run(stage, batch);
    }
}
