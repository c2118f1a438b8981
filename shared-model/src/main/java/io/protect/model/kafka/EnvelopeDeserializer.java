package io.protect.model.kafka;

import io.protect.model.envelope.EnvelopeCodec;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.schema.SchemaValidationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for envelopes: a record that is not valid JSON or does not match its schema
 * fails with a {@link SerializationException} caused by a {@link SchemaValidationException}, which
 * the consumer's failure strategy routes to the dead letter topic with the violations.
 */
public class EnvelopeDeserializer implements Deserializer<EventEnvelope> {
    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EnvelopeCodec.defaultCodec().decode(data);
        } catch (SchemaValidationException e) {
            throw new SerializationException("invalid record on " + topic + ": " + e.getMessage(), e);
        }
    }
}
