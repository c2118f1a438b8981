package io.protect.service.common;

import io.protect.model.messaging.Channel;
import io.protect.model.messaging.RecordHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Sends what a stage cannot process to the dead letter topic: the original record's key, bytes and
 * headers, unchanged (so it can be replayed as it was), with the failure in headers
 * ({@link RecordHeaders}'s {@code protect-dlq-*}).
 */
@ApplicationScoped
public class DeadLetters {

    /** Longest error text kept in a header; validation reports of huge events are cut there. */
    static final int MAX_ERROR_LENGTH = 8192;

    private final RecordSender sender;

    public DeadLetters(RecordSender sender) {
        this.sender = sender;
    }

    /** What went wrong with one record. */
    public record Failure(String stage, Throwable error, int attempts, String eventId, String tenantId) {
    }

    /**
     * Dead-letters a record a stage read; {@code done} is called with null once the broker has the
     * dead letter, or with the error when even that failed.
     */
    public void send(ConsumerRecord<String, byte[]> original, Failure failure, Consumer<Exception> done) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Channel.DEAD_LETTERS_OUT.topic().topicName(), null,
                original.key(), original.value() == null ? new byte[0] : original.value());
        for (Header h : original.headers()) {
            if (!h.key().startsWith("protect-dlq-")) {
                record.headers().add(h);
            }
        }
        failureHeaders(record.headers(), failure);
        put(record.headers(), RecordHeaders.DLQ_ORIGINAL_TOPIC, original.topic());
        put(record.headers(), RecordHeaders.DLQ_ORIGINAL_PARTITION, Integer.toString(original.partition()));
        put(record.headers(), RecordHeaders.DLQ_ORIGINAL_OFFSET, Long.toString(original.offset()));
        sender.send(List.of(new Output(Channel.DEAD_LETTERS_OUT, record)), (i, error) -> done.accept(error));
    }

    /**
     * Dead-letters something that never was a record (a syslog message ingest could not parse); the
     * Uni completes once the broker has it.
     */
    public Uni<Void> send(String key, byte[] value, Failure failure) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Channel.DEAD_LETTERS_OUT.topic().topicName(), null,
                key, value);
        failureHeaders(record.headers(), failure);
        return Uni.createFrom().emitter(emitter -> sender.send(List.of(new Output(Channel.DEAD_LETTERS_OUT, record)),
                (i, error) -> {
                    if (error == null) {
                        emitter.complete(null);
                    } else {
                        emitter.fail(error);
                    }
                }));
    }

    private static void failureHeaders(Headers headers, Failure failure) {
        put(headers, RecordHeaders.DLQ_STAGE, failure.stage());
        put(headers, RecordHeaders.DLQ_ERROR, describe(failure.error()));
        put(headers, RecordHeaders.DLQ_ERROR_CLASS, failure.error().getClass().getName());
        put(headers, RecordHeaders.DLQ_ATTEMPTS, Integer.toString(failure.attempts()));
        put(headers, RecordHeaders.DLQ_EVENT_ID, failure.eventId());
        put(headers, RecordHeaders.DLQ_TENANT, failure.tenantId());
    }

    /** The error's message and its causes' messages, so a reader sees the root cause. */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < MAX_ERROR_LENGTH; t = t.getCause()) {
            if (text.length() > 0) {
                text.append(" | caused by: ");
            }
            text.append(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
            if (t.getCause() == t) {
                break;
            }
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
