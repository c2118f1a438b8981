package io.protect.model.kafka;

import io.protect.model.envelope.EnvelopeCodec;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.schema.SchemaValidationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer for envelopes: validates against the event's schema before a byte is produced.
 * An invalid event fails {@code send} with a {@link SerializationException} whose cause is the
 * {@link SchemaValidationException} listing every violation.
 */
public class EnvelopeSerializer implements Serializer<EventEnvelope> {
    @Override
    public byte[] serialize(String topic, EventEnvelope data) {
        if (data == null) {
            return null;
        }
        try {
            return EnvelopeCodec.defaultCodec().encode(data);
        } catch (SchemaValidationException e) {
            throw new SerializationException("refused to produce to " + topic + ": " + e.getMessage(), e);
        }
    }
}
