package io.protect.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The fields of one source alert that are still unmapped. A mapper reads fields through the
 * {@code take*} methods, which remove a field only when its value could be used; whatever is left
 * at the end is the OCSF {@code unmapped} object. That is how "never drop a field silently" holds:
 * a field is either mapped or still here.
 *
 * <p>Paths are dotted ({@code alert.signature}). A key that itself contains a dot (Zeek's
 * {@code id.orig_h}) is found as a literal key first.
 */
public final class SourceFields {

    private final ObjectNode remaining;

    /** Starts from a deep copy, so the caller's alert is never changed. */
    public SourceFields(JsonNode alert) {
        this.remaining = alert.isObject() ? ((ObjectNode) alert).deepCopy() : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    /** The value at a path without consuming it. */
    public Optional<JsonNode> peek(String path) {
        Located at = locate(path);
        return at == null ? Optional.empty() : Optional.of(at.parent.get(at.key));
    }

    /** Removes a field (and parents it leaves empty) because it has been mapped. */
    public void consume(String path) {
        Located at = locate(path);
        if (at == null) {
            return;
        }
        at.parent.remove(at.key);
        int dot = path.lastIndexOf('.');
        // Prune parents that the removal left empty, innermost first.
        while (dot > 0) {
            String parentPath = path.substring(0, dot);
            Located p = locate(parentPath);
            if (p == null || !p.parent.get(p.key).isObject() || !p.parent.get(p.key).isEmpty()) {
                break;
            }
            p.parent.remove(p.key);
            dot = parentPath.lastIndexOf('.');
        }
    }

    /** A non-blank text value (numbers and booleans are rendered as text), consumed. */
    public Optional<String> takeText(String path) {
        Optional<JsonNode> v = peek(path);
        if (v.isPresent() && v.get().isValueNode() && !v.get().isNull() && !v.get().asText().isBlank()) {
            consume(path);
            return Optional.of(v.get().asText());
        }
        return Optional.empty();
    }

    /** The first of several candidate paths that holds a non-blank text value, consumed. */
    public Optional<String> takeText(List<String> paths) {
        for (String path : paths) {
            Optional<String> v = takeText(path);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** An integral value (a JSON integer, or a string of digits) that fits an int, consumed. */
    public Optional<Integer> takeInt(String path) {
        Optional<JsonNode> v = peek(path);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = v.get();
        Integer value = null;
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            value = n.intValue();
        } else if (n.isTextual() && n.asText().trim().matches("-?\\d{1,9}")) {
            value = Integer.parseInt(n.asText().trim());
        }
        if (value == null) {
            return Optional.empty();
        }
        consume(path);
        return Optional.of(value);
    }

    /** The first candidate path holding an integral value, consumed. */
    public Optional<Integer> takeInt(List<String> paths) {
        for (String path : paths) {
            Optional<Integer> v = takeInt(path);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** A whole subtree, consumed. */
    public Optional<JsonNode> take(String path) {
        Optional<JsonNode> v = peek(path);
        v.ifPresent(x -> consume(path));
        return v;
    }

    /** What is left, or null when everything was mapped. */
    public JsonNode unmapped() {
        return remaining.isEmpty() ? null : remaining;
    }

    private record Located(ObjectNode parent, String key) {
    }

    private Located locate(String path) {
        if (remaining.has(path)) {
            return new Located(remaining, path);
        }
        String[] parts = path.split("\\.");
        ObjectNode node = remaining;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (next == null || !next.isObject()) {
                return null;
            }
            node = (ObjectNode) next;
        }
        String last = parts[parts.length - 1];
        return node.has(last) ? new Located(node, last) : null;
    }
}
