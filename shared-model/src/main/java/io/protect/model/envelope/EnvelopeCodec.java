package io.protect.model.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.json.Json;
import io.protect.model.schema.EventSchemaRegistry;
import io.protect.model.schema.SchemaValidationException;
import java.util.List;

/**
 * Envelope to bytes and back, validating against the schemas both ways: nothing invalid is ever
 * produced, and nothing invalid is handed to a consumer's logic.
 */
public final class EnvelopeCodec {

    private static final EnvelopeCodec DEFAULT = new EnvelopeCodec(EventSchemaRegistry.defaultRegistry());

    private final EventSchemaRegistry schemas;

    public EnvelopeCodec(EventSchemaRegistry schemas) {
        this.schemas = schemas;
    }

    /** The codec over the schemas shipped with this jar. */
    public static EnvelopeCodec defaultCodec() {
        return DEFAULT;
    }

    /** Validates and serializes; throws {@link SchemaValidationException} listing every violation. */
    public byte[] encode(EventEnvelope envelope) {
        JsonNode tree = Json.MAPPER.valueToTree(envelope);
        schemas.requireValid(tree);
        try {
            return Json.MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a validated envelope", e);
        }
    }

    /**
     * Serializes without validating, in one pass from the record (no intermediate tree): for a
     * producer whose consumers validate what they read (see {@code EnvelopeSerializer}).
     */
    public byte[] encodeUnchecked(EventEnvelope envelope) {
        try {
            return Json.MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an envelope", e);
        }
    }

    /** Parses and validates; malformed JSON and schema violations both throw {@link SchemaValidationException}. */
    public EventEnvelope decode(byte[] bytes) {
        JsonNode tree;
        try {
            tree = Json.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new SchemaValidationException("event", List.of("/: " + e.getMessage()));
        }
        return decode(tree);
    }

    /** Validates an already parsed envelope and binds it. */
    public EventEnvelope decode(JsonNode tree) {
        schemas.requireValid(tree);
        try {
            return Json.MAPPER.treeToValue(tree, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new SchemaValidationException("event", List.of("/: " + e.getOriginalMessage()));
        }
    }

    /** Binds an envelope's payload to the record of its event type. */
    public static <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload of " + envelope.eventType() + " does not bind to "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
