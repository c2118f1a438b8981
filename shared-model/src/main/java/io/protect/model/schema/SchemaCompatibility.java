package io.protect.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The evolution rules of event schemas, checked by the build over every schema family:
 * <ul>
 * <li>a minor version may only add optional properties: every property of the previous version is
 * kept with an identical definition, {@code required} is unchanged, nothing else changes;</li>
 * <li>a patch version changes no property at all (descriptions only);</li>
 * <li>any other change is breaking and needs a new major version, and every earlier major is kept
 * beside it (majors run 1, 2, … without gaps) so existing consumers keep working;</li>
 * <li>each major starts at {@code N.0.0}.</li>
 * </ul>
 * Pure: schemas in, violations out.
 */
public final class SchemaCompatibility {

    /** Keys that document a schema and may change in any version. */
    private static final Set<String> ANNOTATIONS = Set.of("$id", "$schema", "title", "description", "$comment", "examples");

    private SchemaCompatibility() {
    }

    /**
     * Checks one family (all versions of one event type). Returns human-readable violations, empty
     * when the family evolves legally.
     */
    public static List<String> checkFamily(String name, Map<SchemaVersion, JsonNode> versions) {
        List<String> violations = new ArrayList<>();
        NavigableMap<SchemaVersion, JsonNode> sorted = new TreeMap<>(versions);
        if (sorted.isEmpty()) {
            return List.of(name + ": no versions");
        }
        Set<Integer> majors = new TreeSet<>();
        sorted.keySet().forEach(v -> majors.add(v.major()));
        int expected = 1;
        for (int major : majors) {
            if (major != expected) {
                violations.add(name + ": major " + expected + " is missing; earlier majors must be kept beside newer ones");
                break;
            }
            expected++;
        }
        SchemaVersion previous = null;
        for (Map.Entry<SchemaVersion, JsonNode> entry : sorted.entrySet()) {
            SchemaVersion version = entry.getKey();
            if (previous == null || previous.major() != version.major()) {
                if (version.minor() != 0 || version.patch() != 0) {
                    violations.add(name + " " + version + ": a major version must start at " + version.major() + ".0.0");
                }
            } else {
                String where = name + " " + previous + " -> " + version;
                if (version.minor() == previous.minor()) {
                    compare(where, "", sorted.get(previous), entry.getValue(), false, violations);
                } else {
                    compare(where, "", sorted.get(previous), entry.getValue(), true, violations);
                }
            }
            previous = version;
        }
        return violations;
    }

    /**
     * Compares an object schema with its successor. With {@code mayAdd}, new optional properties are
     * allowed (a minor bump); without, nothing may change (a patch bump).
     */
    static void compare(String where, String path, JsonNode older, JsonNode newer, boolean mayAdd, List<String> out) {
        JsonNode oldProps = older.path("properties");
        JsonNode newProps = newer.path("properties");
        if (!older.path("required").equals(newer.path("required"))) {
            out.add(where + ": " + at(path) + " 'required' changed from " + older.path("required") + " to "
                    + newer.path("required") + " (breaking: needs a new major version)");
        }
        Set<String> otherKeys = new TreeSet<>();
        older.fieldNames().forEachRemaining(otherKeys::add);
        newer.fieldNames().forEachRemaining(otherKeys::add);
        otherKeys.removeAll(ANNOTATIONS);
        otherKeys.removeAll(Set.of("properties", "required"));
        for (String key : otherKeys) {
            if (!older.path(key).equals(newer.path(key))) {
                out.add(where + ": " + at(path) + " '" + key + "' changed (breaking: needs a new major version)");
            }
        }
        for (Iterator<String> it = oldProps.fieldNames(); it.hasNext();) {
            String prop = it.next();
            String propPath = path + "/" + prop;
            JsonNode newDef = newProps.get(prop);
            if (newDef == null) {
                out.add(where + ": property " + propPath + " was removed (breaking: needs a new major version)");
                continue;
            }
            JsonNode oldDef = oldProps.get(prop);
            if (isObjectSchema(oldDef) && isObjectSchema(newDef)) {
                compare(where, propPath, oldDef, newDef, mayAdd, out);
            } else if (!withoutAnnotations(oldDef).equals(withoutAnnotations(newDef))) {
                out.add(where + ": property " + propPath + " changed its definition (breaking: needs a new major version)");
            }
        }
        for (Iterator<String> it = newProps.fieldNames(); it.hasNext();) {
            String prop = it.next();
            if (!oldProps.has(prop) && !mayAdd) {
                out.add(where + ": property " + path + "/" + prop + " was added in a patch version (needs a minor version)");
            }
        }
    }

    private static boolean isObjectSchema(JsonNode def) {
        return def.has("properties");
    }

    private static JsonNode withoutAnnotations(JsonNode def) {
        JsonNode copy = def.deepCopy();
        if (copy instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.remove(ANNOTATIONS);
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                object.set(n, withoutAnnotations(object.get(n)));
            }
        } else if (copy instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withoutAnnotations(array.get(i)));
            }
        }
        return copy;
    }

    private static String at(String path) {
        return path.isEmpty() ? "the event" : path;
    }
}
