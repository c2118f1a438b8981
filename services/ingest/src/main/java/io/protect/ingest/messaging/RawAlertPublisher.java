package io.protect.ingest.messaging;

import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.messaging.Channel;
import io.protect.service.common.Outbound;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes accepted alerts to security.alerts.raw; completes when the broker has every one. */
@ApplicationScoped
public class RawAlertPublisher {

    @Inject
    @org.eclipse.microprofile.reactive.messaging.Channel(Channel.ALERTS_RAW_OUT_NAME)
    // A request may carry up to protect.ingest.max-events-per-request alerts, all in flight at once.
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 65536)
    MutinyEmitter<EventEnvelope> emitter;

    /** Sends a batch; the Uni fails if any record is not acknowledged by the broker (acks=all). */
    public Uni<Void> publish(List<EventEnvelope> envelopes) {
        List<Uni<Void>> sends = new ArrayList<>(envelopes.size());
        for (EventEnvelope e : envelopes) {
            sends.add(emitter.sendMessage(Outbound.to(Topic.SECURITY_ALERTS_RAW, e)));
        }
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andCollectFailures().replaceWithVoid();
    }
}
