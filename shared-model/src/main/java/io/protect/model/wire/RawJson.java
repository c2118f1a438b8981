package io.protect.model.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A JSON value that a stage carries from its input to its output without necessarily reading it:
 * the sensor's alert in enrich, the OCSF event in score and the store. Read off the wire it is a
 * slice of the record's bytes, parsed only if someone asks for its tree, and written back out as
 * those same bytes, so a hop that does not look inside pays for neither a parse nor a serialization.
 * Made by a stage from a tree, it is serialized once, where it is written.
 *
 * <p>Not thread-safe: a value belongs to the record being processed.
 */
public final class RawJson {

    private final byte[] bytes;
    private final int offset;
    private final int length;
    private JsonNode tree;

    private RawJson(byte[] bytes, int offset, int length, JsonNode tree) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.tree = tree;
    }

    /** A value made from a tree (serialized when written). */
    public static RawJson of(JsonNode tree) {
        return new RawJson(null, 0, 0, Objects.requireNonNull(tree, "tree"));
    }

    /** A value that is these bytes of JSON text, e.g. a slice of a record read off the wire. */
    public static RawJson ofBytes(byte[] utf8, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, utf8.length);
        return new RawJson(utf8, offset, length, null);
    }

    /** A value that is this JSON text. */
    public static RawJson ofBytes(byte[] utf8) {
        return ofBytes(utf8, 0, utf8.length);
    }

    /** Whether the value is still the bytes it was read as (not parsed, not made from a tree). */
    public boolean isBytes() {
        return bytes != null;
    }

    /**
     * The value as a tree, parsed on first use. Text that does not parse (or nests deeper than the
     * parser allows) fails with an {@link IllegalArgumentException}, a permanent failure of the record.
     */
    public JsonNode tree() {
        if (tree == null) {
            try {
                tree = Json.MAPPER.readTree(bytes, offset, length);
            } catch (IOException e) {
                throw new IllegalArgumentException("malformed JSON value: " + e.getMessage(), e);
            }
        }
        return tree;
    }

    /** The value as an object node; anything else fails with an {@link IllegalArgumentException}. */
    public ObjectNode object() {
        JsonNode node = tree();
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, got " + node.getNodeType());
        }
        return (ObjectNode) node;
    }

    /** Writes the value as the next value of a generator: its bytes verbatim if it has them, else its tree. */
    public void writeTo(JsonGenerator g) throws IOException {
        if (bytes != null) {
            g.writeRawValue(new Utf8(bytes, offset, length));
        } else {
            Json.MAPPER.writeTree(g, tree);
        }
    }

    /** The JSON text (for a jsonb column, a log line or a test). */
    public String text() {
        if (bytes != null) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        return tree.toString();
    }

    /** Equal when the two values are the same JSON (compared as trees). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RawJson other && tree().equals(other.tree());
    }

    @Override
    public int hashCode() {
        return tree().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }

    /**
     * Already-encoded UTF-8 JSON text for {@link JsonGenerator#writeRawValue(SerializableString)}:
     * a byte-oriented generator copies it as it is, without decoding and encoding it again.
     */
    private record Utf8(byte[] bytes, int offset, int length) implements SerializableString {
        @Override
        public String getValue() {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            return getValue().toCharArray();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return Arrays.copyOfRange(bytes, offset, offset + length);
        }

        @Override
        public byte[] asQuotedUTF8() {
            return asUnquotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return appendUnquotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return appendUnquoted(buffer, offset);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int at) {
            if (at + length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, offset, buffer, at, length);
            return length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int at) {
            char[] chars = asQuotedChars();
            if (at + chars.length > buffer.length) {
                return -1;
            }
            System.arraycopy(chars, 0, buffer, at, chars.length);
            return chars.length;
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return writeUnquotedUTF8(out);
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes, offset, length);
            return length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            return putUnquotedUTF8(buffer);
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < length) {
                return -1;
            }
            buffer.put(bytes, offset, length);
            return length;
        }
    }
}
