package io.protect.enrich.messaging;

import io.protect.enrich.service.EnrichmentService;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.Event;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.AlertReceived;
import io.protect.model.events.EventType;
import io.protect.model.messaging.Channel;
import io.protect.service.common.Outcome;
import io.protect.service.common.Output;
import io.protect.service.common.StageRunner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The enrich stage's messaging glue: raw alerts in (security.alerts.raw), enriched alerts out
 * (security.alerts.enhanced), a poll at a time through the common stage runner.
 */
@ApplicationScoped
public class AlertEnrichmentConsumer {

    /** The stage name in metrics and dead letters. */
    public static final String STAGE = "enrich";

    private final StageRunner runner;
    private final StageRunner.Stage<AlertReceived> stage;

    public AlertEnrichmentConsumer(StageRunner runner, EnrichmentService enrichment, EnvelopeFactory envelopes) {
        this.runner = runner;
        this.stage = runner.stage(STAGE, AlertReceived.CODEC, events -> enrichment.enrich(events).map(results -> {
            List<Outcome> outcomes = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) {
                EnrichmentService.Result r = results.get(i);
                Event<AlertReceived> in = events.get(i);
                outcomes.add(r.failure() != null ? Outcome.failed(r.failure())
                        : produce(in, envelopes.advance(in, EventType.ALERT_ENRICHED, r.enriched())));
            }
            return outcomes;
        }));
    }

    private static Outcome produce(Event<AlertReceived> in, Event<AlertEnriched> out) {
        try {
            return Outcome.produce(Output.of(Channel.ALERTS_ENHANCED_OUT, out, AlertEnriched.CODEC));
        } catch (RuntimeException e) {
            return Outcome.failed(e);
        }
    }

    @Incoming(Channel.ALERTS_RAW_IN_NAME)
    public Uni<Void> consume(Message<ConsumerRecords<String, byte[]>> batch) {
        return runner.run(stage, batch);
    }
}
