package io.protect.service.common;

import io.protect.model.messaging.Channel;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends what a stage cannot process to the dead letter topic: the original record's bytes and key,
 * unchanged (so it can be replayed as it was), with the failure in headers.
 */
@ApplicationScoped
public class DeadLetters {

    /** Header names of a dead-lettered record. */
    public static final String STAGE = "protect-dlq-stage";
    public static final String ERROR = "protect-dlq-error";
    public static final String ERROR_CLASS = "protect-dlq-error-class";
    public static final String ATTEMPTS = "protect-dlq-attempts";
    public static final String ORIGINAL_TOPIC = "protect-dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "protect-dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "protect-dlq-original-offset";
    public static final String EVENT_ID = "protect-dlq-event-id";
    public static final String TENANT = "protect-dlq-tenant";

    /** Longest error text kept in a header; validation reports of huge events are cut there. */
    static final int MAX_ERROR_LENGTH = 8192;

    @Inject
    @org.eclipse.microprofile.reactive.messaging.Channel(Channel.DEAD_LETTERS_OUT_NAME)
    MutinyEmitter<byte[]> emitter;

    /** What went wrong with one record. */
    public record Failure(String stage, Throwable error, int attempts, String eventId, String tenantId) {
    }

    /** Dead-letters an incoming record; completes once the broker has the dead letter. */
    public Uni<Void> send(Message<byte[]> original, Failure failure) {
        Optional<IncomingKafkaRecordMetadata> in = original.getMetadata(IncomingKafkaRecordMetadata.class);
        RecordHeaders headers = new RecordHeaders();
        put(headers, STAGE, failure.stage());
        put(headers, ERROR, describe(failure.error()));
        put(headers, ERROR_CLASS, failure.error().getClass().getName());
        put(headers, ATTEMPTS, Integer.toString(failure.attempts()));
        put(headers, EVENT_ID, failure.eventId());
        put(headers, TENANT, failure.tenantId());
        in.ifPresent(m -> {
            put(headers, ORIGINAL_TOPIC, m.getTopic());
            put(headers, ORIGINAL_PARTITION, Integer.toString(m.getPartition()));
            put(headers, ORIGINAL_OFFSET, Long.toString(m.getOffset()));
        });
        Object key = in.map(IncomingKafkaRecordMetadata::getKey).orElse(null);
        OutgoingKafkaRecordMetadata<Object> out = OutgoingKafkaRecordMetadata.builder()
                .withKey(key)
                .withHeaders(headers)
                .build();
        byte[] payload = original.getPayload() == null ? new byte[0] : original.getPayload();
        return emitter.sendMessage(Message.of(payload).addMetadata(out));
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

    private static void put(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
