package io.protect.store.messaging;

import io.protect.model.messaging.Channel;
import io.protect.service.common.StageRunner;
import io.protect.store.repository.BatchWriter;
import io.protect.store.stage.StoredEventMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Stores normalized alerts and their predictions, a Kafka poll per statement. A poll is
 * acknowledged (by the stage runner) only once its rows are committed, so a crash before that
 * means a redelivery, which the insert-if-absent turns into a no-op. A record the mapper rejects
 * is dead-lettered; if a whole poll cannot be written, its rows are written one by one so that
 * only the bad one is dead-lettered.
 */
@ApplicationScoped
public class StoreConsumer {

    /** Stage names, in metrics and dead letters. */
    public static final String EVENTS_STAGE = "store-events";
    public static final String PREDICTIONS_STAGE = "store-predictions";

    private final StageRunner runner;
    private final BatchWriter writer;
    private final StoredEventMapper mapper = new StoredEventMapper();

    public StoreConsumer(StageRunner runner, BatchWriter writer) {
        this.runner = runner;
        this.writer = writer;
    }

    @Incoming(Channel.ALERTS_OCSF_IN_NAME)
    public Uni<Void> storeEvents(Message<List<byte[]>> batch) {
        return runner.runBatchAll(EVENTS_STAGE, batch, mapper::toEvent,
                rows -> writer.insertEvents(rows).replaceWithVoid(),
                row -> writer.insertEvents(List.of(row)).replaceWithVoid());
    }

    @Incoming(Channel.PREDICTIONS_IN_NAME)
    public Uni<Void> storePredictions(Message<List<byte[]>> batch) {
        return runner.runBatchAll(PREDICTIONS_STAGE, batch, mapper::toPrediction,
                rows -> writer.insertPredictions(rows).replaceWithVoid(),
                row -> writer.insertPredictions(List.of(row)).replaceWithVoid());
    }
}
