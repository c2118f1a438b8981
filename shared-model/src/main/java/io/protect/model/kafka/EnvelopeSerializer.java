package io.protect.model.kafka;

import io.protect.model.envelope.EnvelopeCodec;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.schema.SchemaValidationException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer for envelopes. By default it validates against the event's schema before a byte
 * is produced: an invalid event fails {@code send} with a {@link SerializationException} whose
 * cause is the {@link SchemaValidationException} listing every violation.
 *
 * <p>With {@value #VALIDATE} set to {@code false} it only serializes. The pipeline's stages do
 * that for their own outputs: every consumer validates each record it decodes (and dead-letters
 * what fails), so checking again on the producing side would double the cost of every hop without
 * protecting anything more; an invalid output is still caught, one hop later. (Confluent's JSON
 * Schema serializer makes the same call: its {@code json.fail.invalid.schema} is off by default.)
 * Ingest validates what it accepts before it sends it.
 */
public class EnvelopeSerializer implements Serializer<EventEnvelope> {

    /** Serializer property: validate before producing ({@code true}, the default) or not. */
    public static final String VALIDATE = "protect.envelope.validate";

    private boolean validate = true;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object value = configs.get(VALIDATE);
        if (value != null) {
            validate = Boolean.parseBoolean(value.toString());
        }
    }

    @Override
    public byte[] serialize(String topic, EventEnvelope data) {
        if (data == null) {
            return null;
        }
        if (!validate) {
            return EnvelopeCodec.defaultCodec().encodeUnchecked(data);
        }
        try {
            return EnvelopeCodec.defaultCodec().encode(data);
        } catch (SchemaValidationException e) {
            throw new SerializationException("refused to produce to " + topic + ": " + e.getMessage(), e);
        }
    }
}
