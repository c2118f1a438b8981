package io.protect.store.messaging;

import io.protect.model.envelope.Event;
import io.protect.model.events.AlertNormalized;
import io.protect.model.events.AlertScored;
import io.protect.model.messaging.Channel;
import io.protect.service.common.Outcome;
import io.protect.service.common.PollHandler;
import io.protect.service.common.StageRunner;
import io.protect.store.repository.BatchWriter;
import io.protect.store.stage.StoredEventMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Stores normalized alerts and their predictions, a Kafka poll per statement. A poll is
 * acknowledged (by the stage runner) only once its rows are committed, so a crash before that
 * means a redelivery, which the insert-if-absent turns into a no-op. A record the mapper rejects
 * is dead-lettered; if a whole poll cannot be written, its rows are written one by one so that
 * only the bad one fails (and is retried, then dead-lettered).
 */
@ApplicationScoped
public class StoreConsumer {

    /** Stage names, in metrics and dead letters. */
    public static final String EVENTS_STAGE = "store-events";
    public static final String PREDICTIONS_STAGE = "store-predictions";

    private final StageRunner runner;
    private final StageRunner.Stage<AlertNormalized> events;
    private final StageRunner.Stage<AlertScored> predictions;

    public StoreConsumer(StageRunner runner, BatchWriter writer) {
        this.runner = runner;
        StoredEventMapper mapper = new StoredEventMapper();
        this.events = runner.stage(EVENTS_STAGE, AlertNormalized.CODEC, writeAll(mapper::toEvent, writer::insertEvents));
        this.predictions = runner.stage(PREDICTIONS_STAGE, AlertScored.CODEC,
                writeAll(mapper::toPrediction, writer::insertPredictions));
    }

    @Incoming(Channel.ALERTS_OCSF_IN_NAME)
    public Uni<Void> storeEvents(Message<ConsumerRecords<String, byte[]>> batch) {
        return runner.run(events, batch);
    }

    @Incoming(Channel.PREDICTIONS_IN_NAME)
    public Uni<Void> storePredictions(Message<ConsumerRecords<String, byte[]>> batch) {
        return runner.run(predictions, batch);
    }

    /**
     * Maps each event to its row (a row that cannot be made is that record's failure), writes the
     * rows with one statement, and, if that statement fails, each row with its own, so that one bad
     * row fails alone.
     */
    static <I, R> PollHandler<I> writeAll(Function<Event<I>, R> toRow, Function<List<R>, Uni<Integer>> write) {
        return in -> {
            List<Outcome> outcomes = new ArrayList<>(in.size());
            List<R> rows = new ArrayList<>(in.size());
            List<Integer> at = new ArrayList<>(in.size());
            for (Event<I> event : in) {
                try {
                    rows.add(toRow.apply(event));
                    at.add(outcomes.size());
                    outcomes.add(Outcome.done());
                } catch (RuntimeException e) {
                    outcomes.add(Outcome.failed(e));
                }
            }
            if (rows.isEmpty()) {
                return Uni.createFrom().item(outcomes);
            }
            return Uni.createFrom().deferred(() -> write.apply(rows)).replaceWith(outcomes)
                    .onFailure().recoverWithUni(all -> Multi.createFrom().range(0, rows.size())
                            .onItem().transformToUniAndConcatenate(i -> Uni.createFrom().deferred(() -> write.apply(List.of(rows.get(i))))
                                    .map(n -> Outcome.done())
                                    .onFailure().recoverWithItem(Outcome::failed)
                                    .invoke(o -> outcomes.set(at.get(i), o)))
                            .collect().last().replaceWith(outcomes));
        };
    }
}
