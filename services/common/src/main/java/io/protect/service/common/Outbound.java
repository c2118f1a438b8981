package io.protect.service.common;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EventEnvelope;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds outgoing Kafka messages keyed by the catalog's partition-key rule of their topic, with
 * the OpenTelemetry parent taken from the envelope's own trace context. Reactive pipelines hop
 * threads, so "the current span" at send time may belong to another record; the envelope is the
 * one thing that always says which trace an event is part of.
 */
public final class Outbound {

    private Outbound() {
    }

    /** A message for a channel's own topic, keyed per that topic's rule. */
    public static Message<EventEnvelope> to(Topic topic, EventEnvelope envelope) {
        return traced(envelope, OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(topic.keyRule().keyFor(envelope)));
    }

    /** A message sent to another topic than its channel's default (normalize's domain topics). */
    public static Message<EventEnvelope> toTopic(Topic topic, EventEnvelope envelope) {
        return traced(envelope, OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic.topicName())
                .withKey(topic.keyRule().keyFor(envelope)));
    }

    private static Message<EventEnvelope> traced(EventEnvelope envelope, OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> kafka) {
        EventEnvelope.Correlation c = envelope.correlation();
        SpanContext parent = SpanContext.createFromRemoteParent(c.traceId(), c.spanId(), TraceFlags.getSampled(),
                TraceState.getDefault());
        if (!parent.isValid()) {
            return Message.of(envelope).addMetadata(kafka.build());
        }
        // The W3C header of the envelope's span, written here so that the trace crosses the topic even
        // when the connector makes no span per record (protect.messaging.tracing=false, the default).
        // When it does, its own traceparent (the producer span, a child of this one) is added after
        // this one, and readers take the last.
        RecordHeaders headers = new RecordHeaders();
        headers.add(TRACEPARENT, ("00-" + c.traceId() + "-" + c.spanId() + "-01").getBytes(StandardCharsets.US_ASCII));
        return Message.of(envelope).addMetadata(kafka.withHeaders(headers).build())
                .addMetadata(TracingMetadata.withCurrent(Context.root().with(Span.wrap(parent))));
    }

    /** The W3C trace context header. */
    public static final String TRACEPARENT = "traceparent";
}
