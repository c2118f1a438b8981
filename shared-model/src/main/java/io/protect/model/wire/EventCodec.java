package io.protect.model.wire;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.protect.model.envelope.Event;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.envelope.EventEnvelope.Classification;
import io.protect.model.envelope.EventEnvelope.Correlation;
import io.protect.model.envelope.EventEnvelope.SecurityLabel;
import io.protect.model.envelope.EventEnvelope.Sensitivity;
import io.protect.model.envelope.EventEnvelope.Source;
import io.protect.model.envelope.EventEnvelope.Tenant;
import io.protect.model.envelope.EventTimestamps;
import io.protect.model.json.Json;
import io.protect.model.schema.EventSchemaRegistry;
import io.protect.model.schema.SchemaValidationException;
import io.protect.model.schema.SchemaVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Typed events to record bytes and back, in one pass each way: the decoder streams the envelope,
 * binding its fields and handing {@code data} to the type's {@link PayloadCodec}; the encoder writes
 * the envelope and the payload straight into the output buffer. No intermediate tree either way.
 *
 * <p>What a decode checks depends on where the record comes from ({@link Validation}). Every record
 * is checked for its event type and the major version of its schema, and the payload reader
 * rejects a missing or mistyped field it relies on. Records from outside the pipeline's own stages
 * (anything re-injected, and every record when full validation is switched on, as in the contract
 * tests) are validated against the JSON Schemas as well.
 */
public final class EventCodec {

    /** How much a decode checks. */
    public enum Validation {
        /** Event type, major version, and what the payload reader binds: for records the pipeline wrote itself. */
        TYPE,
        /** Also the envelope's and the payload's JSON Schemas, every constraint: the trust boundary. */
        FULL
    }

    private static final JsonFactory JSON = Json.MAPPER.getFactory();

    private EventCodec() {
    }

    /**
     * Reads an event of the codec's type. Anything that is not such an event fails with a
     * {@link WireFormatException} (or a {@link SchemaValidationException} listing every violation,
     * under full validation): a permanent failure of the record.
     */
    public static <T> Event<T> decode(byte[] bytes, PayloadCodec<T> codec, Validation validation) {
        if (bytes == null || bytes.length == 0) {
            throw new WireFormatException("/: an empty record is not an event");
        }
        if (validation == Validation.FULL) {
            JsonNode tree;
            try {
                tree = Json.parse(bytes);
            } catch (IllegalArgumentException e) {
                throw new WireFormatException("/: " + e.getMessage(), e);
            }
            EventSchemaRegistry.defaultRegistry().requireValid(tree);
            try (JsonParser p = Json.MAPPER.treeAsTokens(tree)) {
                return read(new JsonIn(p, null, 0), codec);
            } catch (IOException e) {
                throw new WireFormatException("/: " + e.getMessage(), e);
            }
        }
        try (JsonParser p = JSON.createParser(bytes)) {
            return read(new JsonIn(p, bytes, 0), codec);
        } catch (JsonProcessingException e) {
            throw new WireFormatException("/: malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WireFormatException("/: " + e.getMessage(), e);
        }
    }

    /** Writes an event as record bytes. */
    public static <T> byte[] encode(Event<T> event, PayloadCodec<T> codec) {
        try (ByteArrayBuilder buffer = new ByteArrayBuilder(JSON._getBufferRecycler(), 2048);
                JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            write(event, codec, g);
            g.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new WireFormatException("cannot write " + event.eventType() + " " + event.eventId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The event as a generic envelope, its payload a tree: for JSON Schema validation at the trust
     * boundary, and for tests.
     */
    public static <T> EventEnvelope toEnvelope(Event<T> event, PayloadCodec<T> codec) {
        try (TokenBuffer buffer = new TokenBuffer(Json.MAPPER, false)) {
            codec.write(event.payload(), buffer);
            JsonNode data = Json.MAPPER.readTree(buffer.asParser(Json.MAPPER));
            return new EventEnvelope(event.eventId(), event.eventType(), event.eventVersion(), event.timestamp(),
                    event.source(), event.tenant(), event.correlation(), event.security(), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an event as the next value of a generator, envelope fields first, {@code data} last. */
    public static <T> void write(Event<T> event, PayloadCodec<T> codec, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventId", event.eventId().toString());
        g.writeStringField("eventType", event.eventType());
        g.writeStringField("eventVersion", event.eventVersion());
        g.writeStringField("timestamp", EventTimestamps.format(event.timestamp()));
        Source s = event.source();
        g.writeObjectFieldStart("source");
        JsonOut.text(g, "service", s.service());
        JsonOut.text(g, "version", s.version());
        JsonOut.text(g, "instance", s.instance());
        g.writeEndObject();
        Tenant t = event.tenant();
        g.writeObjectFieldStart("tenant");
        JsonOut.text(g, "tenantId", t.tenantId());
        JsonOut.text(g, "organizationId", t.organizationId());
        g.writeEndObject();
        Correlation c = event.correlation();
        g.writeObjectFieldStart("correlation");
        JsonOut.text(g, "correlationId", c.correlationId());
        JsonOut.text(g, "traceId", c.traceId());
        JsonOut.text(g, "spanId", c.spanId());
        JsonOut.text(g, "parentSpanId", c.parentSpanId());
        JsonOut.text(g, "causationId", c.causationId());
        g.writeEndObject();
        SecurityLabel l = event.security();
        g.writeObjectFieldStart("security");
        JsonOut.text(g, "classification", l.classification() == null ? null : l.classification().wire());
        JsonOut.text(g, "sensitivity", l.sensitivity() == null ? null : l.sensitivity().wire());
        JsonOut.text(g, "retention", l.retention());
        JsonOut.text(g, "geography", l.geography());
        g.writeEndObject();
        g.writeFieldName("data");
        codec.write(event.payload(), g);
        g.writeEndObject();
    }

    private static <T> Event<T> read(JsonIn in, PayloadCodec<T> codec) throws IOException {
        Envelope e = new Envelope();
        try {
            return read(in, codec, e);
        } catch (WireFormatException failure) {
            throw failure.about(e.eventId, e.tenant == null ? null : e.tenant.tenantId());
        }
    }

    private static <T> Event<T> read(JsonIn in, PayloadCodec<T> codec, Envelope e) throws IOException {
        JsonParser p = in.parser();
        p.nextToken();
        String expected = codec.type().wireName();
        in.object("", name -> {
            switch (name) {
                case "eventId" -> e.eventId = uuid(in, in.text(name));
                case "eventType" -> e.eventType = in.text(name);
                case "eventVersion" -> e.eventVersion = in.text(name);
                case "timestamp" -> e.timestamp = timestamp(in, in.text(name));
                case "source" -> e.source = source(in);
                case "tenant" -> e.tenant = tenant(in);
                case "correlation" -> e.correlation = correlation(in);
                case "security" -> e.security = security(in);
                case "data" -> {
                    // The writers put eventType before data: a record of another type is refused
                    // before its payload is read as this one.
                    if (e.eventType != null) {
                        requireType(e.eventType, e.eventVersion, expected);
                    }
                    e.payload = codec.read(in);
                }
                default -> {
                    return false;
                }
            }
            return true;
        });
        if (p.nextToken() != null) {
            throw in.fail("", "trailing content after the event");
        }
        if (e.eventType == null) {
            throw in.missing("eventType");
        }
        requireType(e.eventType, e.eventVersion, expected);
        requireVersion(e.eventType, e.eventVersion);
        for (Object[] field : new Object[][] {{"eventId", e.eventId}, {"timestamp", e.timestamp}, {"source", e.source},
                {"tenant", e.tenant}, {"correlation", e.correlation}, {"security", e.security}, {"data", e.payload}}) {
            if (field[1] == null) {
                throw in.missing((String) field[0]);
            }
        }
        if (e.tenant.tenantId() == null || e.tenant.tenantId().isEmpty()) {
            throw in.missing("tenant/tenantId");
        }
        return new Event<>(e.eventId, e.eventType, e.eventVersion, e.timestamp, e.source, e.tenant, e.correlation,
                e.security, EventCodec.<T>cast(e.payload));
    }

    private static void requireType(String actual, String version, String expected) {
        if (!expected.equals(actual)) {
            throw new WireFormatException("/eventType: expected " + expected + ", got " + actual
                    + (version == null ? "" : " " + version));
        }
    }

    /** The record's schema must be of the major version this build reads; a newer minor is read openly. */
    private static void requireVersion(String type, String version) {
        if (version == null) {
            throw new WireFormatException("/eventVersion: is required");
        }
        SchemaVersion v;
        try {
            v = SchemaVersion.parse(version);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("/eventVersion: '" + version + "' is not a semantic version");
        }
        SchemaVersion known = EventSchemaRegistry.defaultRegistry().latest(type);
        if (v.major() != known.major()) {
            throw new WireFormatException("/eventVersion: " + type + " " + version + " is of major version " + v.major()
                    + "; this build reads major " + known.major());
        }
    }

    private static UUID uuid(JsonIn in, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw in.fail("eventId", "'" + text + "' is not a UUID");
        }
    }

    private static Instant timestamp(JsonIn in, String text) {
        try {
            return EventTimestamps.parse(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw in.fail("timestamp", e.getMessage());
        }
    }

    private static Source source(JsonIn in) throws IOException {
        String[] v = new String[3];
        in.object("source", name -> switch (name) {
            case "service" -> set(v, 0, in.text(name));
            case "version" -> set(v, 1, in.text(name));
            case "instance" -> set(v, 2, in.text(name));
            default -> false;
        });
        return new Source(v[0], v[1], v[2]);
    }

    private static Tenant tenant(JsonIn in) throws IOException {
        String[] v = new String[2];
        in.object("tenant", name -> switch (name) {
            case "tenantId" -> set(v, 0, in.text(name));
            case "organizationId" -> set(v, 1, in.text(name));
            default -> false;
        });
        return new Tenant(v[0], v[1]);
    }

    private static Correlation correlation(JsonIn in) throws IOException {
        String[] v = new String[5];
        in.object("correlation", name -> switch (name) {
            case "correlationId" -> set(v, 0, in.text(name));
            case "traceId" -> set(v, 1, in.text(name));
            case "spanId" -> set(v, 2, in.text(name));
            case "parentSpanId" -> set(v, 3, in.text(name));
            case "causationId" -> set(v, 4, in.text(name));
            default -> false;
        });
        return new Correlation(v[0], v[1], v[2], v[3], v[4]);
    }

    private static SecurityLabel security(JsonIn in) throws IOException {
        String[] v = new String[4];
        in.object("security", name -> switch (name) {
            case "classification" -> set(v, 0, in.text(name));
            case "sensitivity" -> set(v, 1, in.text(name));
            case "retention" -> set(v, 2, in.text(name));
            case "geography" -> set(v, 3, in.text(name));
            default -> false;
        });
        return new SecurityLabel(v[0] == null ? null : label(in, Classification.class, "classification", v[0]),
                v[1] == null ? null : label(in, Sensitivity.class, "sensitivity", v[1]), v[2], v[3]);
    }

    private static <E extends Enum<E>> E label(JsonIn in, Class<E> type, String field, String wire) {
        try {
            return Enum.valueOf(type, wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw in.fail("security/" + field, "unknown value '" + wire + "'");
        }
    }

    private static boolean set(String[] values, int i, String value) {
        values[i] = value;
        return true;
    }

    /** The envelope's fields while they are read. */
    private static final class Envelope {
        UUID eventId;
        String eventType;
        String eventVersion;
        Instant timestamp;
        Source source;
        Tenant tenant;
        Correlation correlation;
        SecurityLabel security;
        Object payload;
    }

    /** Unchecked: the payload was read by the codec of the type that was checked. */
    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
