package io.protect.service.common;

import io.protect.model.catalog.Topic;
import io.protect.model.envelope.Event;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.messaging.Channel;
import io.protect.model.messaging.RecordHeaders;
import io.protect.model.wire.EventCodec;
import io.protect.model.wire.PayloadCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * One record a stage produces, ready for the broker: encoded once, keyed by its topic's partition
 * key rule, carrying its event's W3C trace context, and bound to the outgoing channel whose
 * producer sends it.
 *
 * @param channel the outgoing channel (its producer and its configuration)
 * @param record  the record as it is sent
 */
public record Output(Channel channel, ProducerRecord<String, byte[]> record) {

    /** An event for the channel's own topic. */
    public static <T> Output of(Channel channel, Event<T> event, PayloadCodec<T> codec) {
        return to(channel, channel.topic(), event, codec);
    }

    /**
     * An event for another topic than the channel's (normalize's domain topics share one channel);
     * the record is keyed by that topic's rule.
     */
    public static <T> Output to(Channel channel, Topic topic, Event<T> event, PayloadCodec<T> codec) {
        if (channel.direction() != Channel.Direction.OUTGOING) {
            throw new IllegalArgumentException(channel.channelName() + " is not an outgoing channel");
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.topicName(), null,
                topic.keyRule().keyFor(event), EventCodec.encode(event, codec));
        String traceparent = traceparent(event.correlation());
        if (traceparent != null) {
            record.headers().add(new RecordHeader(RecordHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII)));
        }
        return new Output(channel, record);
    }

    /** The W3C {@code traceparent} of an event's own span, or null when its ids are not valid W3C ids. */
    static String traceparent(EventEnvelope.Correlation c) {
        String trace = c.traceId();
        String span = c.spanId();
        if (trace == null || span == null || trace.length() != 32 || span.length() != 16 || !hex(trace) || !hex(span)
                || trace.chars().allMatch(ch -> ch == '0') || span.chars().allMatch(ch -> ch == '0')) {
            return null;
        }
        return "00-" + trace + "-" + span + "-01";
    }

    private static boolean hex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
