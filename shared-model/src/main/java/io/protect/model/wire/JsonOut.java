package io.protect.model.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * Writing helpers for the hand-written payload writers: optional fields are left out when null,
 * as {@code Json.MAPPER} leaves them out, so that what a writer produces is what a Jackson-bound
 * record would have produced.
 */
public final class JsonOut {

    private JsonOut() {
    }

    /** A string field, left out when null. */
    public static void text(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** An integer field, left out when null. */
    public static void integer(JsonGenerator g, String name, Integer value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value);
        }
    }

    /** An integer field, left out when null. */
    public static void longInteger(JsonGenerator g, String name, Long value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value);
        }
    }

    /** A number field, left out when null. */
    public static void number(JsonGenerator g, String name, Double value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value);
        }
    }

    /** An array of strings, left out when null. */
    public static void texts(JsonGenerator g, String name, List<String> values) throws IOException {
        if (values != null) {
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    /** A carried value, left out when null. */
    public static void raw(JsonGenerator g, String name, RawJson value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            value.writeTo(g);
        }
    }
}
