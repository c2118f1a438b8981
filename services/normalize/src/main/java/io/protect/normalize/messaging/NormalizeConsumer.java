package io.protect.normalize.messaging;

import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.Event;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.AlertNormalized;
import io.protect.model.events.EventType;
import io.protect.model.messaging.Channel;
import io.protect.normalize.config.NormalizeConfig;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.stage.NormalizeStage;
import io.protect.service.common.Outcome;
import io.protect.service.common.Output;
import io.protect.service.common.PermanentFailure;
import io.protect.service.common.PollHandler;
import io.protect.service.common.StageRunner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Kafka glue of the normalize stage: enriched alerts in (security.alerts.enhanced), the OCSF alert
 * out to the pipeline (security.alerts.ocsf.ready) and to its domain topic, a poll at a time
 * through the common stage runner. The OCSF event is serialized once, into the first record; the
 * second carries the same bytes. An event that fails OCSF validation is a permanent failure:
 * dead-lettered with its violations.
 */
@ApplicationScoped
public class NormalizeConsumer {

    /** Stage name in metrics and dead-letter headers. */
    public static final String STAGE = "normalize";

    private final StageRunner runner;
    private final StageRunner.Stage<AlertEnriched> stage;

    public NormalizeConsumer(StageRunner runner, EnvelopeFactory envelopes, NormalizeConfig config) {
        this.runner = runner;
        NormalizeStage normalize = new NormalizeStage(config.rawData());
        this.stage = runner.stage(STAGE, AlertEnriched.CODEC, PollHandler.eachRecord(in -> {
            NormalizeStage.Result result = normalize.normalize(in.payload(), new MappingContext(in.eventId(),
                    in.tenantId(), in.correlation().correlationId(), in.timestamp()));
            if (!result.valid()) {
                throw new PermanentFailure("OCSF validation failed for event " + in.eventId() + ":\n" + result.validation());
            }
            Event<AlertNormalized> out = envelopes.advance(in, EventType.ALERT_NORMALIZED, result.normalized());
            Output pipeline = Output.of(Channel.ALERTS_OCSF_OUT, out, AlertNormalized.CODEC);
            // The domain copy is the same bytes under the domain topic's own key rule.
            Output domain = new Output(Channel.DOMAIN_EVENTS_OUT, new org.apache.kafka.clients.producer.ProducerRecord<>(
                    result.domainTopic().topicName(), null, result.domainTopic().keyRule().keyFor(out),
                    pipeline.record().value(), new RecordHeaders(pipeline.record().headers().toArray())));
            return Outcome.produce(pipeline, domain);
        }));
    }

    @Incoming(Channel.ALERTS_ENHANCED_IN_NAME)
    public Uni<Void> consume(Message<ConsumerRecords<String, byte[]>> batch) {
        return runner.run(stage, batch);
    }
}
