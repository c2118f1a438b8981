package io.protect.model.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.envelope.Event;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.AlertNormalized;
import io.protect.model.events.AlertNotification;
import io.protect.model.events.AlertReceived;
import io.protect.model.events.AlertScored;
import io.protect.model.events.EventType;
import io.protect.model.events.Payloads;
import io.protect.model.json.Json;
import io.protect.model.schema.EventSchemaRegistry;
import io.protect.model.schema.SchemaValidationException;
import io.protect.model.wire.EventCodec.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The contract of every pipeline payload on the wire: what each writer writes is valid against its
 * JSON Schema, each reader reads it back equal under both validations, carried values stay the
 * record's bytes, and a record of the wrong type, major version or shape is refused with a pointer
 * to what is wrong. Faked: nothing.
 */
class EventCodecTest {

    static Stream<Arguments> payloads() {
        return Stream.of(
                Arguments.of(EventType.ALERT_RECEIVED, AlertReceived.CODEC, Payloads.received()),
                Arguments.of(EventType.ALERT_ENRICHED, AlertEnriched.CODEC, Payloads.enriched()),
                Arguments.of(EventType.ALERT_NORMALIZED, AlertNormalized.CODEC, Payloads.normalized()),
                Arguments.of(EventType.ALERT_SCORED, AlertScored.CODEC, Payloads.scored()),
                Arguments.of(EventType.ALERT_NOTIFICATION, AlertNotification.CODEC, Payloads.notification()));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    <T> void whatAWriterWritesIsSchemaValidAndReadsBackEqualEitherWay(EventType type, PayloadCodec<T> codec, T payload) {
        Event<T> event = Payloads.event(type, payload);
        byte[] bytes = EventCodec.encode(event, codec);
        JsonNode tree = Json.parse(bytes);
        assertEquals(List.of(), EventSchemaRegistry.defaultRegistry().validate(tree), "the writer's output is invalid");
        assertEquals(event, EventCodec.decode(bytes, codec, Validation.TYPE));
        assertEquals(event, EventCodec.decode(bytes, codec, Validation.FULL));
        // The generic envelope of the typed event is the same JSON.
        assertEquals(tree, Json.parse(Json.MAPPER.valueToTree(EventCodec.toEnvelope(event, codec)).toString()));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    <T> void aDecodedEventIsWrittenBackByteForByteWhereNothingChanged(EventType type, PayloadCodec<T> codec, T payload) {
        byte[] bytes = EventCodec.encode(Payloads.event(type, payload), codec);
        Event<T> read = EventCodec.decode(bytes, codec, Validation.TYPE);
        assertArrayEquals(bytes, EventCodec.encode(read, codec));
    }

    @Test
    void carriedValuesAreSlicesOfTheRecordUntilSomeoneLooks() {
        byte[] bytes = EventCodec.encode(Payloads.event(EventType.ALERT_NORMALIZED, Payloads.normalized()),
                AlertNormalized.CODEC);
        AlertNormalized read = EventCodec.decode(bytes, AlertNormalized.CODEC, Validation.TYPE).payload();
        assertTrue(read.ocsf().isBytes(), "the OCSF event was parsed though nobody asked");
        assertEquals(Json.parse(Payloads.OCSF), Json.parse(read.ocsf().text()));
        assertEquals(2004, read.ocsf().tree().path("class_uid").asInt());
        assertEquals("café ✓", read.ocsf().tree().path("message").asText(), "multi-byte text survives the slice");
        // Under full validation the record was parsed anyway: the value is its subtree.
        assertFalse(EventCodec.decode(bytes, AlertNormalized.CODEC, Validation.FULL).payload().ocsf().isBytes());
    }

    @Test
    void aRecordOfAnotherTypeIsRefusedBeforeItsPayloadIsRead() {
        byte[] scored = EventCodec.encode(Payloads.event(EventType.ALERT_SCORED, Payloads.scored()), AlertScored.CODEC);
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> EventCodec.decode(scored, AlertNormalized.CODEC, Validation.TYPE));
        assertEquals("/eventType: expected AlertNormalized, got AlertScored 1.0.0", e.getMessage());
        Event<AlertScored> sent = EventCodec.decode(scored, AlertScored.CODEC, Validation.TYPE);
        assertEquals(sent.eventId().toString(), e.eventId(), "the refusal names the event");
        assertEquals("acme", e.tenantId());
    }

    @Test
    void anUnknownMajorVersionIsRefusedAndANewerMinorIsReadOpenly() {
        ObjectNode tree = tree(EventType.ALERT_NORMALIZED, Payloads.normalized(), AlertNormalized.CODEC);
        tree.put("eventVersion", "2.0.0");
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> EventCodec.decode(bytes(tree), AlertNormalized.CODEC, Validation.TYPE));
        assertTrue(e.getMessage().startsWith("/eventVersion: AlertNormalized 2.0.0 is of major version 2"), e.getMessage());

        tree.put("eventVersion", "1.3.0");
        ((ObjectNode) tree.get("data")).put("addedInMinor3", "ignored by an older reader");
        ((ObjectNode) tree.get("data")).putObject("nested").putArray("deep").addObject().put("x", 1);
        tree.put("envelopeAddition", 7);
        AlertNormalized read = EventCodec.decode(bytes(tree), AlertNormalized.CODEC, Validation.TYPE).payload();
        assertEquals(Payloads.normalized(), read);
    }

    @Test
    void missingAndMistypedFieldsAreNamedByTheirPointer() {
        ObjectNode noOcsf = tree(EventType.ALERT_NORMALIZED, Payloads.normalized(), AlertNormalized.CODEC);
        ((ObjectNode) noOcsf.get("data")).remove("ocsf");
        assertEquals("/data/ocsf: is required", assertThrows(WireFormatException.class,
                () -> EventCodec.decode(bytes(noOcsf), AlertNormalized.CODEC, Validation.TYPE)).getMessage());

        ObjectNode arrayOcsf = tree(EventType.ALERT_NORMALIZED, Payloads.normalized(), AlertNormalized.CODEC);
        ((ObjectNode) arrayOcsf.get("data")).putArray("ocsf");
        assertEquals("/data/ocsf: must be an object, not an array", assertThrows(WireFormatException.class,
                () -> EventCodec.decode(bytes(arrayOcsf), AlertNormalized.CODEC, Validation.TYPE)).getMessage());

        ObjectNode badRisk = tree(EventType.ALERT_ENRICHED, Payloads.enriched(), AlertEnriched.CODEC);
        ((ObjectNode) badRisk.at("/data/enrichment/risk")).put("score", "high");
        assertEquals("/data/enrichment/risk/score: must be a 32-bit integer, not a string",
                assertThrows(WireFormatException.class,
                        () -> EventCodec.decode(bytes(badRisk), AlertEnriched.CODEC, Validation.TYPE)).getMessage());

        ObjectNode noTenant = tree(EventType.ALERT_SCORED, Payloads.scored(), AlertScored.CODEC);
        noTenant.remove("tenant");
        assertEquals("/tenant: is required", assertThrows(WireFormatException.class,
                () -> EventCodec.decode(bytes(noTenant), AlertScored.CODEC, Validation.TYPE)).getMessage());
    }

    @Test
    void fullValidationAlsoEnforcesWhatTheReaderDoesNotNeed() {
        ObjectNode tree = tree(EventType.ALERT_SCORED, Payloads.scored(), AlertScored.CODEC);
        ((ObjectNode) tree.at("/data/prediction")).put("probability", 1.5);
        // The reader takes any number...
        assertEquals(1.5, EventCodec.decode(bytes(tree), AlertScored.CODEC, Validation.TYPE).payload().prediction()
                .probability());
        // ...the schema does not.
        SchemaValidationException e = assertThrows(SchemaValidationException.class,
                () -> EventCodec.decode(bytes(tree), AlertScored.CODEC, Validation.FULL));
        assertTrue(e.getMessage().contains("/data/prediction/probability"), e.getMessage());
    }

    @Test
    void garbageIsRefusedWithWhatWasWrong() {
        for (String text : new String[] {"", "not json", "{\"eventType\":", "[1,2]", "{} {}"}) {
            WireFormatException e = assertThrows(WireFormatException.class,
                    () -> EventCodec.decode(text.getBytes(StandardCharsets.UTF_8), AlertScored.CODEC, Validation.TYPE),
                    text);
            assertTrue(e.getMessage().startsWith("/"), e.getMessage());
        }
    }

    @Test
    void aValueNestedBeyondTheParsersLimitFailsAsThatRecordOnly() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 1_200; i++) {
            deep.append("{\"a\":");
        }
        deep.append(1);
        deep.append("}".repeat(1_200));
        byte[] bytes = EventCodec.encode(Payloads.event(EventType.ALERT_NORMALIZED, Payloads.normalized()),
                AlertNormalized.CODEC);
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\"risk_score\":61", "\"risk_score\":61,\"deep\":" + deep);
        WireFormatException e = assertThrows(WireFormatException.class, () -> EventCodec.decode(
                text.getBytes(StandardCharsets.UTF_8), AlertNormalized.CODEC, Validation.TYPE));
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }

    private static <T> ObjectNode tree(EventType type, T payload, PayloadCodec<T> codec) {
        return (ObjectNode) Json.parse(EventCodec.encode(Payloads.event(type, payload), codec));
    }

    private static byte[] bytes(JsonNode tree) {
        return tree.toString().getBytes(StandardCharsets.UTF_8);
    }
}
