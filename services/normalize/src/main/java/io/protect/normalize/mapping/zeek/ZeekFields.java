package io.protect.normalize.mapping.zeek;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The fields of one Zeek record that are still unmapped, as {@code SourceFields} does for the
 * mappers of the parent package, plus two things Zeek needs: a field is found by its dotted name
 * ({@code id.orig_h}), its underscore spelling ({@code id_orig_h}, as the OTRF collectors write it)
 * or as nested objects; and every consumed field is recorded (as its key path) so tests can prove
 * that each source leaf was either mapped or kept in {@code unmapped}.
 */
public final class ZeekFields {

    private final ObjectNode remaining;
    private final List<List<String>> consumed = new ArrayList<>();

    /** Starts from a deep copy, so the caller's record is never changed. */
    public ZeekFields(JsonNode record) {
        this.remaining = record != null && record.isObject() ? ((ObjectNode) record).deepCopy()
                : JsonNodeFactory.instance.objectNode();
    }

    /** The value of a field without consuming it; empty for absent or JSON null. */
    public Optional<JsonNode> peek(String name) {
        List<String> path = locate(name);
        return path == null ? Optional.empty() : Optional.of(at(path));
    }

    /** True when the field is present. */
    public boolean has(String name) {
        return peek(name).isPresent();
    }

    /** Removes a field because it has been mapped (and parents the removal leaves empty). */
    public void consume(String name) {
        List<String> path = locate(name);
        if (path == null) {
            return;
        }
        consumed.add(List.copyOf(path));
        for (int depth = path.size(); depth > 0; depth--) {
            ObjectNode parent = parent(path.subList(0, depth));
            String key = path.get(depth - 1);
            JsonNode child = parent.get(key);
            if (depth < path.size() && !(child.isObject() && child.isEmpty())) {
                break;
            }
            parent.remove(key);
        }
    }

    /** A non-blank text value (numbers and booleans rendered as text), consumed. */
    public Optional<String> takeText(String name) {
        Optional<JsonNode> v = peek(name);
        if (v.isPresent() && v.get().isValueNode() && !v.get().asText().isBlank()) {
            consume(name);
            return Optional.of(v.get().asText());
        }
        return Optional.empty();
    }

    /** A text value without consuming it. */
    public Optional<String> peekText(String name) {
        return peek(name).filter(JsonNode::isValueNode).map(JsonNode::asText).filter(s -> !s.isBlank());
    }

    /** An integral value (number or digits) that fits an int, consumed. */
    public Optional<Integer> takeInt(String name) {
        Optional<Integer> v = peekInt(name);
        v.ifPresent(x -> consume(name));
        return v;
    }

    /** An integral value that fits an int, not consumed. */
    public Optional<Integer> peekInt(String name) {
        Optional<JsonNode> v = peek(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = v.get();
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return Optional.of(n.intValue());
        }
        if (n.isTextual() && n.asText().trim().matches("-?\\d{1,9}")) {
            return Optional.of(Integer.parseInt(n.asText().trim()));
        }
        return Optional.empty();
    }

    /** An integral value that fits a long, consumed. */
    public Optional<Long> takeLong(String name) {
        Optional<JsonNode> v = peek(name);
        if (v.isPresent() && v.get().isIntegralNumber() && v.get().canConvertToLong()) {
            consume(name);
            return Optional.of(v.get().longValue());
        }
        return Optional.empty();
    }

    /** A decimal number (JSON number or numeric text) as written, not consumed. */
    public Optional<BigDecimal> peekDecimal(String name) {
        Optional<JsonNode> v = peek(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = v.get();
        String text = n.isNumber() || n.isTextual() ? n.asText().trim() : "";
        if (!text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text));
    }

    /** A decimal number, consumed. */
    public Optional<BigDecimal> takeDecimal(String name) {
        Optional<BigDecimal> v = peekDecimal(name);
        v.ifPresent(x -> consume(name));
        return v;
    }

    /** A boolean, consumed. */
    public Optional<Boolean> takeBoolean(String name) {
        Optional<JsonNode> v = peek(name);
        if (v.isPresent() && v.get().isBoolean()) {
            consume(name);
            return Optional.of(v.get().booleanValue());
        }
        return Optional.empty();
    }

    /** The text elements of an array field, not consumed (empty when absent or not an array of values). */
    public List<String> peekStrings(String name) {
        Optional<JsonNode> v = peek(name);
        if (v.isEmpty() || !v.get().isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v.get()) {
            if (!e.isValueNode() || e.isNull()) {
                return List.of();
            }
            out.add(e.asText());
        }
        return out;
    }

    /** A whole subtree, consumed. */
    public Optional<JsonNode> take(String name) {
        Optional<JsonNode> v = peek(name);
        v.ifPresent(x -> consume(name));
        return v;
    }

    /** What is left, or null when everything was mapped. */
    public JsonNode unmapped() {
        return remaining.isEmpty() ? null : remaining;
    }

    /** The key paths consumed so far. */
    public List<List<String>> consumed() {
        return Collections.unmodifiableList(consumed);
    }

    /** The key path of a field by its dotted name, its underscore spelling or nesting; null when absent. */
    private List<String> locate(String name) {
        if (present(remaining.get(name))) {
            return List.of(name);
        }
        if (!name.contains(".")) {
            return null;
        }
        String underscore = name.replace('.', '_');
        if (present(remaining.get(underscore))) {
            return List.of(underscore);
        }
        String[] parts = name.split("\\.");
        JsonNode n = remaining;
        for (String p : parts) {
            n = n.isObject() ? n.get(p) : null;
            if (n == null) {
                return null;
            }
        }
        return present(n) ? List.of(parts) : null;
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode();
    }

    private JsonNode at(List<String> path) {
        JsonNode n = remaining;
        for (String k : path) {
            n = n.get(k);
        }
        return n;
    }

    private ObjectNode parent(List<String> path) {
        JsonNode n = remaining;
        for (int i = 0; i < path.size() - 1; i++) {
            n = n.get(path.get(i));
        }
        return (ObjectNode) n;
    }
}
