package io.protect.service.common;

import io.protect.model.envelope.Event;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * What a stage does with the decoded events of one Kafka poll: one {@link Outcome} per event, in
 * the same order. A synchronous stage is a plain loop ({@link #eachRecord}); a stage that waits on
 * something once per poll (enrich's context lookups, the store's insert, notify's pushes) returns
 * when that is done. Either way there is one {@link Uni} per poll, never one per record.
 *
 * <p>A handler may be called again with the tail of a poll, from a record that failed and is being
 * retried: a handler with side effects must make them idempotent or fail only permanently.
 *
 * @param <I> the payload the stage consumes
 */
@FunctionalInterface
public interface PollHandler<I> {

    Uni<List<Outcome>> handle(List<Event<I>> events);

    /**
     * A handler that runs a synchronous function on each event in turn; whatever it throws (the
     * stage's logic failing, an output that cannot be encoded) is that record's failure alone.
     */
    static <I> PollHandler<I> eachRecord(RecordHandler<I> record) {
        return events -> Uni.createFrom().item(() -> {
            List<Outcome> outcomes = new ArrayList<>(events.size());
            for (Event<I> event : events) {
                outcomes.add(StageRunner.guard(() -> record.handle(event)));
            }
            return outcomes;
        });
    }

    /** A stage's work on one event. */
    @FunctionalInterface
    interface RecordHandler<I> {
        Outcome handle(Event<I> event) throws Exception;
    }
}
