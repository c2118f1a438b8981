package io.protect.model.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A streaming reader over one record, for the hand-written payload readers: it walks the JSON once,
 * binds the fields a payload has, skips the ones it does not know (a newer minor version may add
 * them), and hands out the values a stage only carries as {@link RawJson} slices of the record's
 * bytes. A value of the wrong type fails with a {@link WireFormatException} naming its JSON pointer.
 */
public final class JsonIn {

    private final JsonParser p;
    /** The record's bytes when the parser reads them (slices are cut from it); null over a tree. */
    private final byte[] source;
    private final int sourceOffset;
    private final ArrayList<String> path = new ArrayList<>();

    JsonIn(JsonParser p, byte[] source, int sourceOffset) {
        this.p = Objects.requireNonNull(p);
        this.source = source;
        this.sourceOffset = sourceOffset;
    }

    /** The underlying parser, positioned on the current token. */
    public JsonParser parser() {
        return p;
    }

    /**
     * Calls {@code field} for every field of the object the reader is at (its START_OBJECT is the
     * current token), with the parser on the field's value; a field the callback does not consume is
     * skipped. Fails when the value is not an object.
     */
    public void object(String name, FieldReader field) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fail(name, "must be an object, not " + describe(p.currentToken()));
        }
        path.add(name);
        try {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (!field.read(key)) {
                    p.skipChildren();
                }
            }
        } finally {
            path.remove(path.size() - 1);
        }
    }

    /** Calls {@code item} for every element of the array the reader is at, with the parser on the element. */
    public void array(String name, ItemReader item) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw fail(name, "must be an array, not " + describe(p.currentToken()));
        }
        path.add(name);
        try {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                item.read(i++);
            }
        } finally {
            path.remove(path.size() - 1);
        }
    }

    /** A string value (null for JSON null). */
    public String text(String name) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw fail(name, "must be a string, not " + describe(t));
    }

    /** An integer value that fits an int. */
    public int integer(String name) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw fail(name, "must be a 32-bit integer, not " + describe(p.currentToken()));
        }
        return p.getIntValue();
    }

    /** An integer value that fits a long. */
    public long longInteger(String name) throws IOException {
        JsonParser.NumberType type = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getNumberType() : null;
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw fail(name, "must be a 64-bit integer, not " + describe(p.currentToken()));
        }
        return p.getLongValue();
    }

    /** Any number. */
    public double number(String name) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw fail(name, "must be a number, not " + describe(t));
        }
        return p.getDoubleValue();
    }

    /** A boolean. */
    public boolean bool(String name) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw fail(name, "must be true or false, not " + describe(t));
        }
        return t == JsonToken.VALUE_TRUE;
    }

    /** An array of strings. */
    public List<String> texts(String name) throws IOException {
        List<String> out = new ArrayList<>();
        array(name, i -> out.add(text(Integer.toString(i))));
        return out;
    }

    /**
     * An object carried as it is: a slice of the record's bytes when the reader reads bytes (the
     * object is only scanned for its end), else the subtree.
     */
    public RawJson rawObject(String name) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fail(name, "must be an object, not " + describe(p.currentToken()));
        }
        if (source == null) {
            return RawJson.of(tree());
        }
        long start = p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        long end = p.currentLocation().getByteOffset();
        return RawJson.ofBytes(source, sourceOffset + (int) start, (int) (end - start));
    }

    /** The current value as a tree. */
    public JsonNode tree() throws IOException {
        return Json.MAPPER.readTree(p);
    }

    /** A failure at the current path plus {@code name}. */
    public WireFormatException fail(String name, String message) {
        StringBuilder pointer = new StringBuilder();
        for (String part : path) {
            if (!part.isEmpty()) {
                pointer.append('/').append(part);
            }
        }
        if (name != null && !name.isEmpty()) {
            pointer.append('/').append(name);
        }
        return new WireFormatException((pointer.length() == 0 ? "/" : pointer.toString()) + ": " + message);
    }

    /** A required field that was absent. */
    public WireFormatException missing(String name) {
        return fail(name, "is required");
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    /** Reads one field of an object; returns whether it consumed the value. */
    @FunctionalInterface
    public interface FieldReader {
        boolean read(String name) throws IOException;
    }

    /** Reads one element of an array (it must consume the element). */
    @FunctionalInterface
    public interface ItemReader {
        void read(int index) throws IOException;
    }
}
