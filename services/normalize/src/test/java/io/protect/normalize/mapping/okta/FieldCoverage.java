package io.protect.normalize.mapping.okta;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "no source field is lost" check, written once for every source: each leaf of the source event
 * must either be under the OCSF {@code unmapped} object at the same path with the same value, or
 * its value must appear in the mapped part of the OCSF event (anything but {@code raw_data} and
 * {@code unmapped}). A timestamp counts as used when its instant appears as epoch milliseconds.
 * JSON nulls and empty objects/arrays carry no value and are not counted. Paths a mapper turns
 * into something else (a "Yes" that becomes {@code is_mfa: true}) are passed as {@code transformed}
 * and must be asserted by the mapper's own tests.
 */
public final class FieldCoverage {

    private FieldCoverage() {
    }

    /** The leaf paths of {@code source} that are neither mapped nor in unmapped. */
    public static List<String> lost(JsonNode source, JsonNode ocsf, Set<String> transformed) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        leaves(source, "", leaves);
        Map<String, JsonNode> kept = new LinkedHashMap<>();
        leaves(ocsf.path("unmapped"), "", kept);
        Set<String> used = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> it = ocsf.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getKey().equals("raw_data") && !e.getKey().equals("unmapped")) {
                Map<String, JsonNode> out = new LinkedHashMap<>();
                leaves(e.getValue(), e.getKey(), out);
                out.values().forEach(v -> used.add(v.asText()));
            }
        }
        List<String> lost = new ArrayList<>();
        for (var leaf : leaves.entrySet()) {
            String path = leaf.getKey();
            JsonNode value = leaf.getValue();
            if (value.equals(kept.get(path)) || used.contains(value.asText())
                    || transformed.contains(path.replaceAll("\\[\\d+]", "[]"))) {
                continue;
            }
            Long millis = epochMillis(value.asText());
            if (millis != null && used.contains(Long.toString(millis))) {
                continue;
            }
            lost.add(path + "=" + value);
        }
        return lost;
    }

    private static void leaves(JsonNode node, String path, Map<String, JsonNode> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "[" + i + "]", out);
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            out.put(path, node);
        }
    }

    /** ISO-8601 with an offset, or a zone-less "yyyy-MM-dd[ T]HH:mm:ss[.f]" read as UTC. */
    private static Long epochMillis(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            // not ISO with an offset
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (RuntimeException e) {
            return null;
        }
    }

}
