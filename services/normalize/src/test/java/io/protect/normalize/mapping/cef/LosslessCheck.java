package io.protect.normalize.mapping.cef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The "no source field lost" check of the corpus tests: every leaf of the source event is either
 * still in {@code unmapped} (at its path, or under its custom label) or was consumed by the mapper
 * and its value can be found in the mapped event (outside {@code raw_data} and {@code unmapped}),
 * as text, lower-cased, or (four characters or more) inside a longer text. Time stamps are the one transformation a value
 * cannot be found back from: the caller names those paths.
 */
public final class LosslessCheck {

    private LosslessCheck() {
    }

    /** True when a custom label became a key of unmapped (quotes around it removed). */
    private static boolean isKey(Map<String, String> unmapped, String label) {
        String l = label.length() >= 2 && label.startsWith("\"") && label.endsWith("\"") ? label.substring(1, label.length() - 1).strip() : label;
        return unmapped.keySet().stream().anyMatch(k -> k.endsWith("." + l) || k.equals(l) || k.startsWith("extension." + l + "["));
    }

    /** Leaf path → text of every value leaf (array elements as path[i]). */
    public static Map<String, String> leaves(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, Map<String, String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", out);
            }
        } else if (!node.isNull()) {
            out.put(path, node.asText());
        }
    }

    /**
     * The source leaves that are lost: neither in unmapped nor findable in the mapped event.
     *
     * @param source the source event
     * @param mapped the OCSF event as JSON
     * @param timePaths source leaf paths whose values are read into another form (times into epoch values,
     *     actions and outcomes into OCSF enumerations), so not findable as text
     */
    public static List<String> lost(JsonNode source, JsonNode mapped, Set<String> timePaths) {
        Map<String, String> unmapped = leaves(mapped.path("unmapped"));
        Set<String> unmappedValues = new HashSet<>(unmapped.values());
        Set<String> mappedTexts = new HashSet<>();
        for (var e : leaves(mapped).entrySet()) {
            if (!e.getKey().startsWith("raw_data") && !e.getKey().startsWith("unmapped")) {
                mappedTexts.add(e.getValue());
                mappedTexts.add(e.getValue().toLowerCase(Locale.ROOT));
            }
        }
        List<String> lost = new ArrayList<>();
        for (var leaf : leaves(source).entrySet()) {
            String path = leaf.getKey();
            String value = leaf.getValue();
            if (unmapped.containsKey(path) && unmapped.get(path).equals(value)) {
                continue;
            }
            if (timePaths.contains(path)) {
                continue;
            }
            String v = value.strip();
            boolean found = mappedTexts.contains(v) || mappedTexts.contains(v.toLowerCase(Locale.ROOT))
                    // inside a longer text (a message, a composed detail); short values must match exactly
                    || (v.length() >= 4 && mappedTexts.stream().anyMatch(t -> t.contains(v)))
                    // a custom field renamed to its label keeps its value in unmapped
                    || (path.endsWith("Label") && isKey(unmapped, v))
                    || (!path.endsWith("Label") && unmappedValues.contains(value));
            if (!found) {
                lost.add(path + "=" + value);
            }
        }
        return lost;
    }
}
