package io.protect.service.common;

import io.protect.model.envelope.EnvelopeCodec;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.schema.SchemaValidationException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * At-least-once processing of the records of one Kafka poll, the same way in every stage.
 *
 * <p>Per record: decode and validate the envelope, run the stage's handler (which completes only
 * once its output is on the broker or in the database); a failure is retried up to
 * {@link #MAX_ATTEMPTS} times unless it is permanent, then the original record goes to the dead
 * letter topic. The handlers of one poll run concurrently (subscribed in record order, so outputs
 * are sent in the order of their inputs when a handler sends synchronously), and the poll is
 * acknowledged once every record in it is done: stored, produced or dead-lettered. Waiting for the
 * broker once per poll instead of once per record is what lets a stage keep up with its input.
 *
 * <p>If even dead-lettering fails the poll is nacked, which stops the channel: its records will be
 * read again after a restart, never silently dropped.
 */
@ApplicationScoped
public class StageRunner {

    /** Attempts per record before a transient failure is dead-lettered. */
    public static final int MAX_ATTEMPTS = 3;

    /** Records of one poll in flight at once; bounded so that a stage never floods its emitter. */
    static final int CONCURRENCY = 256;

    /**
     * Buffer of a stage's output emitters: room for every record of a poll in flight, twice over for
     * a stage that sends two records per input (normalize).
     */
    public static final int EMITTER_BUFFER = 2 * CONCURRENCY;

    private final DeadLetters deadLetters;
    private final StageMetrics metrics;

    public StageRunner(DeadLetters deadLetters, StageMetrics metrics) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /**
     * Processes the records of one poll with a per-record handler; the returned Uni completes when
     * the poll has been acknowledged.
     */
    public Uni<Void> runBatch(String stage, Message<List<byte[]>> batch, Function<EventEnvelope, Uni<Void>> handler) {
        return runBatch(stage, batch, CONCURRENCY, handler);
    }

    /**
     * As {@link #runBatch(String, Message, Function)}, with at most {@code concurrency} records in
     * flight: for a handler that waits on a bounded resource (a connection pool), so that a poll
     * queues on the stage rather than times out in the pool.
     */
    public Uni<Void> runBatch(String stage, Message<List<byte[]>> batch, int concurrency,
            Function<EventEnvelope, Uni<Void>> handler) {
        List<Message<byte[]>> records = records(batch);
        long start = System.nanoTime();
        return Multi.createFrom().iterable(records)
                .onItem().transformToUni(record -> runOne(stage, record, start, handler)).merge(concurrency)
                .collect().last()
                .onItem().transformToUni(done -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure().recoverWithUni(e -> Uni.createFrom().completionStage(batch.nack(e)));
    }

    /**
     * Processes the records of one poll with a handler that writes them all at once (the store's
     * multi-row insert). {@code prepare} turns an envelope into what is written and may reject it
     * (a permanent failure, dead-lettered at once). If writing the whole poll fails, each record is
     * written on its own with {@code writeOne}, under the usual retries, so that one bad record
     * is dead-lettered and the rest still stored.
     */
    public <R> Uni<Void> runBatchAll(String stage, Message<List<byte[]>> batch, Function<EventEnvelope, R> prepare,
            Function<List<R>, Uni<Void>> writeAll, Function<R, Uni<Void>> writeOne) {
        List<Message<byte[]>> records = records(batch);
        long start = System.nanoTime();
        List<Uni<Void>> rejected = new ArrayList<>();
        List<R> prepared = new ArrayList<>(records.size());
        List<Message<byte[]>> preparedRecords = new ArrayList<>(records.size());
        for (Message<byte[]> record : records) {
            EventEnvelope envelope;
            try {
                envelope = decode(record);
            } catch (RuntimeException e) {
                metrics.failed(stage);
                rejected.add(deadLetter(stage, record, new DeadLetters.Failure(stage, e, 1, null, null)));
                continue;
            }
            try {
                prepared.add(prepare.apply(envelope));
                preparedRecords.add(record);
            } catch (RuntimeException e) {
                metrics.failed(stage);
                rejected.add(deadLetter(stage, record, failure(stage, e, 1, envelope)));
            }
        }
        Uni<Void> written = prepared.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.createFrom().deferred(() -> writeAll.apply(prepared))
                        .onItem().invoke(() -> prepared.forEach(r -> metrics.processed(stage, start)))
                        .onFailure().recoverWithUni(e -> {
                            metrics.failed(stage);
                            List<Uni<Void>> one = new ArrayList<>(prepared.size());
                            for (int i = 0; i < prepared.size(); i++) {
                                R row = prepared.get(i);
                                Message<byte[]> record = preparedRecords.get(i);
                                one.add(Uni.createFrom().deferred(() -> runOne(stage, record, start, envelope -> writeOne.apply(row))));
                            }
                            return Multi.createFrom().iterable(one).onItem().transformToUniAndConcatenate(u -> u)
                                    .collect().last().replaceWithVoid();
                        });
        rejected.add(written);
        return Uni.join().all(rejected).andFailFast()
                .onItem().transformToUni(done -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure().recoverWithUni(e -> Uni.createFrom().completionStage(batch.nack(e)));
    }

    /** One record: decode, handle with retries, dead-letter what cannot be handled. Fails only if the DLQ does. */
    private Uni<Void> runOne(String stage, Message<byte[]> record, long start, Function<EventEnvelope, Uni<Void>> handler) {
        EventEnvelope envelope;
        try {
            envelope = decode(record);
        } catch (RuntimeException e) {
            metrics.failed(stage);
            return deadLetter(stage, record, new DeadLetters.Failure(stage, e, 1, null, null));
        }
        return attempt(stage, handler, envelope, 1)
                .onItem().invoke(() -> metrics.processed(stage, start))
                .onFailure(Exhausted.class).recoverWithUni(f -> {
                    Exhausted x = (Exhausted) f;
                    return deadLetter(stage, record, failure(stage, x.getCause(), x.attempts, envelope));
                });
    }

    private static EventEnvelope decode(Message<byte[]> record) {
        return EnvelopeCodec.defaultCodec().decode(record.getPayload() == null ? new byte[0] : record.getPayload());
    }

    private static DeadLetters.Failure failure(String stage, Throwable e, int attempts, EventEnvelope envelope) {
        return new DeadLetters.Failure(stage, e, attempts, envelope.eventId().toString(), envelope.tenant().tenantId());
    }

    /** The poll's records, each as a message carrying its own Kafka metadata (key, topic, offset). */
    @SuppressWarnings("unchecked")
    static List<Message<byte[]>> records(Message<List<byte[]>> batch) {
        return batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(m -> {
                    List<Message<byte[]>> messages = new ArrayList<>(m.getBatchedMessages().size());
                    for (Object each : m.getBatchedMessages()) {
                        messages.add((Message<byte[]>) each);
                    }
                    return messages;
                })
                .orElseGet(() -> {
                    // Not from the Kafka connector (an in-memory channel in a test): the payloads alone.
                    List<Message<byte[]>> messages = new ArrayList<>(batch.getPayload().size());
                    batch.getPayload().forEach(p -> messages.add(Message.of(p)));
                    return messages;
                });
    }

    private Uni<Void> attempt(String stage, Function<EventEnvelope, Uni<Void>> handler, EventEnvelope envelope, int n) {
        return Uni.createFrom().deferred(() -> handler.apply(envelope))
                .onFailure().recoverWithUni(e -> {
                    metrics.failed(stage);
                    if (isPermanent(e) || n >= MAX_ATTEMPTS) {
                        return Uni.createFrom().failure(new Exhausted(e, n));
                    }
                    return attempt(stage, handler, envelope, n + 1);
                });
    }

    private Uni<Void> deadLetter(String stage, Message<byte[]> record, DeadLetters.Failure failure) {
        return deadLetters.send(record, failure)
                .onItem().invoke(() -> metrics.deadLettered(stage));
    }

    /** Input that cannot become valid by trying again. */
    static boolean isPermanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentFailure || t instanceof SchemaValidationException
                    || t instanceof SerializationException || t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    /** The last failure of a record and how many attempts were made. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int attempts;

        Exhausted(Throwable cause, int attempts) {
            super(cause.getMessage(), cause, false, false);
            this.attempts = attempts;
        }
    }
}
