package io.protect.tools.devservices;

import io.protect.model.envelope.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A test-only producer and consumer of envelopes over a catalog topic through SmallRye channels. */
@ApplicationScoped
public class ThreatProbe {
    static final String OUT = "threats-out";
    static final String IN = "threats-in";

    @Inject
    @Channel(OUT)
    MutinyEmitter<EventEnvelope> emitter;

    private final List<EventEnvelope> received = new CopyOnWriteArrayList<>();

    Uni<Void> send(EventEnvelope envelope) {
        return emitter.send(envelope);
    }

    /** What the consumer has seen so far (a method: fields of a CDI client proxy are not the bean's). */
    List<EventEnvelope> received() {
        return List.copyOf(received);
    }

    @Incoming(IN)
    void receive(EventEnvelope envelope) {
        received.add(envelope);
    }
}
