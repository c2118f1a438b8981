package io.protect.service.common;

import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EventEnvelope;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Builds outgoing Kafka messages keyed by the catalog's partition-key rule of their topic. */
public final class Outbound {

    private Outbound() {
    }

    /** A message for a channel's own topic, keyed per that topic's rule. */
    public static Message<EventEnvelope> to(Topic topic, EventEnvelope envelope) {
        return Message.of(envelope).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(topic.keyRule().keyFor(envelope))
                .build());
    }

    /** A message sent to another topic than its channel's default (normalize's domain topics). */
    public static Message<EventEnvelope> toTopic(Topic topic, EventEnvelope envelope) {
        return Message.of(envelope).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic.topicName())
                .withKey(topic.keyRule().keyFor(envelope))
                .build());
    }
}
