package io.protect.store.messaging;

import io.protect.model.messaging.Channel;
import io.protect.service.common.StageRunner;
import io.protect.store.repository.EventRepository;
import io.protect.store.repository.PredictionRepository;
import io.protect.store.stage.StoredEventMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Stores normalized alerts and their predictions. Each record is acknowledged (by the stage runner)
 * only once its transaction has committed, so a crash before the commit means a redelivery, which
 * the insert-if-absent turns into a no-op.
 */
@ApplicationScoped
public class StoreConsumer {

    /** Stage names, in metrics and dead letters. */
    public static final String EVENTS_STAGE = "store-events";
    public static final String PREDICTIONS_STAGE = "store-predictions";

    private final StageRunner runner;
    private final EventRepository events;
    private final PredictionRepository predictions;
    private final StoredEventMapper mapper = new StoredEventMapper();

    public StoreConsumer(StageRunner runner, EventRepository events, PredictionRepository predictions) {
        this.runner = runner;
        this.events = events;
        this.predictions = predictions;
    }

    // Returning Uni keeps the record on the Vert.x context Hibernate Reactive needs; the transaction
    // is opened here, per record.
    @Incoming(Channel.ALERTS_OCSF_IN_NAME)
    public Uni<Void> storeEvent(Message<byte[]> message) {
        return runner.run(EVENTS_STAGE, message, envelope -> {
            var row = mapper.toEvent(envelope);
            return Panache.withTransaction(() -> events.insertIfAbsent(row)).replaceWithVoid();
        });
    }

    @Incoming(Channel.PREDICTIONS_IN_NAME)
    public Uni<Void> storePrediction(Message<byte[]> message) {
        return runner.run(PREDICTIONS_STAGE, message, envelope -> {
            var row = mapper.toPrediction(envelope);
            return Panache.withTransaction(() -> predictions.insertIfAbsent(row)).replaceWithVoid();
        });
    }
}
