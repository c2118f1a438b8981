package io.protect.service.common;

import io.protect.model.envelope.Event;
import io.protect.model.messaging.RecordHeaders;
import io.protect.model.schema.SchemaValidationException;
import io.protect.model.wire.EventCodec;
import io.protect.model.wire.PayloadCodec;
import io.protect.model.wire.WireFormatException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * At-least-once processing of Kafka polls, the same way in every stage.
 *
 * <p>A poll is processed as a batch, in record order: each record is decoded once (its event type
 * and major version checked, its payload bound; see {@link EventCodec}), the stage's
 * {@link PollHandler} turns the decoded events into one {@link Outcome} each, and the outputs of
 * the whole poll are handed to the channels' producers in one go. The poll is acknowledged from
 * the producers' callbacks once every record in it is produced, stored or dead-lettered, while the
 * next poll is already being processed: up to {@link StageConfig#pollsInFlight()} polls wait for
 * the broker at once, and past that the stage waits (backpressure).
 *
 * <p>Whatever fails for one record is that record's failure: decoding it, the stage's logic,
 * encoding its output, the broker refusing the output (too large, say). A permanent failure is
 * dead-lettered at once; any other is attempted again after an exponential backoff with jitter, up
 * to the retry budget, and then dead-lettered. While a record waits for its next attempt, the
 * records after it in the poll wait too: records are produced in the order they were read, so the
 * catalog's promise of order per partition key holds through every stage.
 *
 * <p>If even dead-lettering fails, the poll is nacked, which stops the channel: its records will be
 * read again after a restart, never silently dropped.
 */
@ApplicationScoped
public class StageRunner {

    private static final Logger LOG = Logger.getLogger(StageRunner.class);
    /** Timers for runs outside a Vert.x context (plain unit tests). */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "protect-stage-retry");
        t.setDaemon(true);
        return t;
    });

    private final RecordSender sender;
    private final DeadLetters deadLetters;
    private final StageMetrics metrics;
    private final RetryPolicy retry;
    private final int pollsInFlight;
    private final boolean fullValidation;

    @Inject
    public StageRunner(Producers producers, DeadLetters deadLetters, StageMetrics metrics, StageConfig config) {
        this(producers, deadLetters, metrics, RetryPolicy.from(config.retry()), config.pollsInFlight(),
                config.fullValidation());
    }

    public StageRunner(RecordSender sender, DeadLetters deadLetters, StageMetrics metrics, RetryPolicy retry,
            int pollsInFlight, boolean fullValidation) {
        if (pollsInFlight < 1) {
            throw new IllegalArgumentException("protect.stage.polls-in-flight must be at least 1");
        }
        this.sender = sender;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.retry = retry;
        this.pollsInFlight = pollsInFlight;
        this.fullValidation = fullValidation;
    }

    /** A stage: its name (in metrics and dead letters), the payload it reads, and what it does with a poll. */
    public <I> Stage<I> stage(String name, PayloadCodec<I> input, PollHandler<I> handler) {
        return new Stage<>(name, input, handler, new Gate(pollsInFlight));
    }

    /** A stage as the runner runs it; one per incoming channel. */
    public static final class Stage<I> {
        final String name;
        final PayloadCodec<I> input;
        final PollHandler<I> handler;
        final Gate gate;

        Stage(String name, PayloadCodec<I> input, PollHandler<I> handler, Gate gate) {
            this.name = name;
            this.input = input;
            this.handler = handler;
            this.gate = gate;
        }

        public String name() {
            return name;
        }
    }

    /**
     * Processes one poll. The Uni completes once every record of the poll has been handed to the
     * producers (or dead-lettered) and the stage has room for another poll in flight; the poll itself
     * is acknowledged later, from the producers' callbacks.
     */
    public <I> Uni<Void> run(Stage<I> stage, Message<ConsumerRecords<String, byte[]>> batch) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(batch.getPayload().count());
        batch.getPayload().forEach(records::add);
        metrics.poll(stage.name, records.size());
        if (records.isEmpty()) {
            return Uni.createFrom().completionStage(batch.ack());
        }
        Poll<I> poll = new Poll<>(stage, batch, records, scheduler());
        stage.gate.enter();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                Event<I> event = EventCodec.decode(record.value(), stage.input, validation(record));
                poll.events.set(i, event);
                poll.eventIds[i] = event.eventId().toString();
                poll.tenantIds[i] = event.tenantId();
            } catch (RuntimeException | StackOverflowError e) {
                metrics.failed(stage.name);
                // What could be read of a record that is not this stage's event still names it.
                WireFormatException w = e instanceof WireFormatException x ? x : null;
                deadLetter(poll, i, new DeadLetters.Failure(stage.name, e, 1, w == null ? null : w.eventId(),
                        w == null ? null : w.tenantId()));
            }
        }
        step(poll, 0);
        return Uni.createFrom().completionStage(poll.handedOver).chain(() -> Uni.createFrom().completionStage(
                stage.gate.admit()));
    }

    private EventCodec.Validation validation(ConsumerRecord<String, byte[]> record) {
        return fullValidation || record.headers().lastHeader(RecordHeaders.REINJECTED) != null
                ? EventCodec.Validation.FULL : EventCodec.Validation.TYPE;
    }

    /** Hands the events from {@code from} on to the stage's handler. */
    private <I> void step(Poll<I> poll, int from) {
        List<Integer> indices = new ArrayList<>();
        List<Event<I>> events = new ArrayList<>();
        for (int i = from; i < poll.records.size(); i++) {
            Event<I> event = poll.events.get(i);
            if (event != null) {
                indices.add(i);
                events.add(event);
            }
        }
        if (indices.isEmpty()) {
            poll.handedOver.complete(null);
            return;
        }
        Uni<List<Outcome>> outcomes;
        try {
            outcomes = poll.stage.handler.handle(events);
        } catch (RuntimeException | StackOverflowError e) {
            outcomes = Uni.createFrom().failure(e);
        }
        outcomes.subscribe().with(
                list -> {
                    if (list.size() != indices.size()) {
                        failedAt(poll, indices, new IllegalStateException("stage " + poll.stage.name + " answered "
                                + list.size() + " outcomes for " + indices.size() + " records"));
                    } else {
                        apply(poll, indices, list);
                    }
                },
                // The handler failed as a whole: the first of its records takes the failure.
                e -> failedAt(poll, indices, e));
    }

    private <I> void apply(Poll<I> poll, List<Integer> indices, List<Outcome> outcomes) {
        List<Output> sends = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        int retryAt = -1;
        for (int k = 0; k < indices.size() && retryAt < 0; k++) {
            int i = indices.get(k);
            Outcome outcome = outcomes.get(k);
            if (!(outcome instanceof Outcome.Failed)) {
                // Handled: what the stage read (and parsed) is no longer needed; only its outputs
                // wait for the broker. Keeps a poll's trees out of the old generation.
                poll.events.set(i, null);
            }
            if (outcome instanceof Outcome.Produce p) {
                if (p.outputs().isEmpty()) {
                    settle(poll, i, true);
                } else {
                    poll.pending[i] = p.outputs().size();
                    for (Output o : p.outputs()) {
                        sends.add(o);
                        owners.add(i);
                    }
                }
            } else if (outcome instanceof Outcome.Failed f) {
                if (!failed(poll, i, f.error())) {
                    retryAt = i;
                }
            } else {
                settle(poll, i, true);
            }
        }
        if (!sends.isEmpty()) {
            sender.send(sends, (j, error) -> outputDone(poll, owners.get(j), error));
        }
        if (retryAt >= 0) {
            int at = retryAt;
            poll.scheduler.schedule(retry.delayMillis(poll.attempts[at]), () -> step(poll, at));
        } else {
            poll.handedOver.complete(null);
        }
    }

    /** The handler failed as a whole: its first record takes the failure; the rest go on or wait. */
    private <I> void failedAt(Poll<I> poll, List<Integer> indices, Throwable e) {
        int first = indices.get(0);
        if (failed(poll, first, e)) {
            step(poll, first + 1);
        } else {
            poll.scheduler.schedule(retry.delayMillis(poll.attempts[first]), () -> step(poll, first));
        }
    }

    /**
     * Counts a failed attempt of a record; returns true when it is dead-lettered (a permanent failure,
     * or the retry budget spent), false when it is to be attempted again.
     */
    private <I> boolean failed(Poll<I> poll, int i, Throwable e) {
        metrics.failed(poll.stage.name);
        int attempts = ++poll.attempts[i];
        if (isPermanent(e) || !retry.mayRetry(attempts)) {
            deadLetter(poll, i, failure(poll, i, e, attempts));
            return true;
        }
        LOG.debugf(e, "stage %s: attempt %d of record %s failed; trying again", poll.stage.name, attempts,
                poll.eventIds[i]);
        return false;
    }

    private <I> void outputDone(Poll<I> poll, int i, Exception error) {
        boolean deadLetter = false;
        boolean done = false;
        synchronized (poll) {
            if (poll.pending[i] <= 0) {
                return; // already dead-lettered for an earlier output's refusal
            }
            if (error != null) {
                poll.pending[i] = -1;
                deadLetter = true;
            } else if (--poll.pending[i] == 0) {
                done = true;
            }
        }
        if (deadLetter) {
            // The producer retries what can be retried (until delivery.timeout.ms); what reaches here is final.
            metrics.failed(poll.stage.name);
            deadLetter(poll, i, failure(poll, i, error, poll.attempts[i] + 1));
        } else if (done) {
            settle(poll, i, true);
        }
    }

    private <I> void deadLetter(Poll<I> poll, int i, DeadLetters.Failure failure) {
        deadLetters.send(poll.records.get(i), failure, error -> {
            if (error == null) {
                metrics.deadLettered(poll.stage.name);
            } else {
                LOG.errorf(error, "stage %s: dead-lettering %s-%d@%d failed; the poll is not acknowledged",
                        poll.stage.name, poll.records.get(i).topic(), poll.records.get(i).partition(),
                        poll.records.get(i).offset());
                synchronized (poll) {
                    poll.failure = error;
                }
            }
            settle(poll, i, false);
        });
    }

    private <I> void settle(Poll<I> poll, int i, boolean processed) {
        boolean last;
        Throwable failure;
        synchronized (poll) {
            if (poll.settled[i]) {
                return;
            }
            poll.settled[i] = true;
            last = --poll.remaining == 0;
            failure = poll.failure;
        }
        if (processed) {
            metrics.processed(poll.stage.name, poll.start);
        }
        if (last) {
            CompletionStage<Void> done = failure == null ? poll.batch.ack() : poll.batch.nack(failure);
            done.whenComplete((ok, e) -> {
                poll.stage.gate.leave();
                if (e != null) {
                    LOG.errorf(e, "stage %s: acknowledging a poll failed", poll.stage.name);
                }
            });
        }
    }

    private static <I> DeadLetters.Failure failure(Poll<I> poll, int i, Throwable e, int attempts) {
        return new DeadLetters.Failure(poll.stage.name, e, attempts, poll.eventIds[i], poll.tenantIds[i]);
    }

    /** Runs a stage's work on one record; whatever it throws is that record's failure. */
    static Outcome guard(Callable<Outcome> work) {
        try {
            Outcome outcome = work.call();
            return outcome == null ? Outcome.failed(new IllegalStateException("the stage returned no outcome")) : outcome;
        } catch (Exception | StackOverflowError e) {
            return Outcome.failed(e);
        }
    }

    /** Input that cannot become valid by trying again. */
    static boolean isPermanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentFailure || t instanceof SchemaValidationException
                    || t instanceof SerializationException || t instanceof IllegalArgumentException
                    || t instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    /** Where a poll's retries wait: a timer on the poll's Vert.x context, or a plain timer outside one. */
    private static Scheduler scheduler() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return (delayMillis, task) -> TIMER.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        }
        return (delayMillis, task) -> context.owner().setTimer(Math.max(1, delayMillis),
                id -> context.runOnContext(v -> task.run()));
    }

    @FunctionalInterface
    interface Scheduler {
        void schedule(long delayMillis, Runnable task);
    }

    /** One poll in the runner's hands. */
    private static final class Poll<I> {
        final Stage<I> stage;
        final Message<?> batch;
        final List<ConsumerRecord<String, byte[]>> records;
        /** The decoded events, each dropped once the stage has handled it (kept while it may be retried). */
        final List<Event<I>> events;
        /** Which event each record is, for its dead letter; null for a record that could not be decoded. */
        final String[] eventIds;
        final String[] tenantIds;
        final int[] attempts;
        /** Outputs of a record still waiting for the broker; -1 once the record is dead-lettered instead. */
        final int[] pending;
        final boolean[] settled;
        final Scheduler scheduler;
        final long start = System.nanoTime();
        final CompletableFuture<Void> handedOver = new CompletableFuture<>();
        int remaining;
        Throwable failure;

        Poll(Stage<I> stage, Message<?> batch, List<ConsumerRecord<String, byte[]>> records, Scheduler scheduler) {
            this.stage = stage;
            this.batch = batch;
            this.records = records;
            this.events = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                events.add(null);
            }
            this.eventIds = new String[records.size()];
            this.tenantIds = new String[records.size()];
            this.attempts = new int[records.size()];
            this.pending = new int[records.size()];
            this.settled = new boolean[records.size()];
            this.scheduler = scheduler;
            this.remaining = records.size();
        }
    }

    /** At most so many polls un-acknowledged per stage; the next waits for one to be acknowledged. */
    static final class Gate {
        private final int max;
        private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
        private int inFlight;

        Gate(int max) {
            this.max = max;
        }

        synchronized void enter() {
            inFlight++;
        }

        /** Completes once fewer than {@code max} polls are in flight. */
        synchronized CompletionStage<Void> admit() {
            if (inFlight < max) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> wait = new CompletableFuture<>();
            waiting.add(wait);
            return wait;
        }

        void leave() {
            CompletableFuture<Void> next;
            synchronized (this) {
                inFlight--;
                next = inFlight < max ? waiting.poll() : null;
            }
            if (next != null) {
                next.complete(null);
            }
        }
    }
}
