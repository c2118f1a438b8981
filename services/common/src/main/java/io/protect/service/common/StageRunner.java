package io.protect.service.common;

import io.protect.model.envelope.EnvelopeCodec;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.schema.SchemaValidationException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * At-least-once processing of one incoming record, the same way in every stage: decode and
 * validate the envelope, run the stage's handler (which completes only once its output is
 * produced or stored), then acknowledge. A failure is retried up to {@link #MAX_ATTEMPTS} times
 * unless it is permanent; then the original record goes to the dead letter topic and only after the
 * broker has it is the record acknowledged. If even dead-lettering fails the record is nacked,
 * which stops the channel: it will be read again after a restart, never silently dropped.
 */
@ApplicationScoped
public class StageRunner {

    /** Attempts per record before a transient failure is dead-lettered. */
    public static final int MAX_ATTEMPTS = 3;

    private final DeadLetters deadLetters;
    private final StageMetrics metrics;

    public StageRunner(DeadLetters deadLetters, StageMetrics metrics) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** Processes one record; the returned Uni completes when the record has been acknowledged. */
    public Uni<Void> run(String stage, Message<byte[]> message, Function<EventEnvelope, Uni<Void>> handler) {
        long start = System.nanoTime();
        EventEnvelope envelope;
        try {
            envelope = EnvelopeCodec.defaultCodec().decode(message.getPayload() == null ? new byte[0] : message.getPayload());
        } catch (RuntimeException e) {
            metrics.failed(stage);
            return deadLetter(stage, message, new DeadLetters.Failure(stage, e, 1, null, null));
        }
        return attempt(stage, handler, envelope, 1)
                .onItem().transformToUni(done -> {
                    metrics.processed(stage, start);
                    return Uni.createFrom().completionStage(message.ack());
                })
                .onFailure(Exhausted.class).recoverWithUni(f -> {
                    Exhausted x = (Exhausted) f;
                    return deadLetter(stage, message, new DeadLetters.Failure(stage, x.getCause(), x.attempts,
                            envelope.eventId().toString(), envelope.tenant().tenantId()));
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

    private Uni<Void> deadLetter(String stage, Message<byte[]> message, DeadLetters.Failure failure) {
        return deadLetters.send(message, failure)
                .onItem().transformToUni(sent -> {
                    metrics.deadLettered(stage);
                    return Uni.createFrom().completionStage(message.ack());
                })
                .onFailure().recoverWithUni(e -> Uni.createFrom().completionStage(message.nack(e)));
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
