package io.protect.model.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The generated resolved-schema resource turned into immutable lookup structures, with every
 * pattern compiled once, so that validation does no parsing or compilation per event.
 */
final class CompiledSchema {

    /**
     * A dictionary data type.
     *
     * @param name e.g. {@code port_t}
     * @param base the primitive it is stored as, e.g. {@code integer_t}
     * @param regex the compiled pattern, or null
     * @param min the inclusive lower bound, or null
     * @param max the inclusive upper bound, or null
     * @param maxLen the maximum length in code points, or null
     */
    record TypeSpec(String name, String base, Pattern regex, Double min, Double max, Integer maxLen) {

        /** "port_t (integer_t)" for subtypes, "integer_t" for primitives. */
        String describe() {
            return name.equals(base) ? name : name + " (" + base + ")";
        }
    }

    /**
     * A resolved attribute.
     *
     * @param name the snake_case name
     * @param type the data type, or null for object attributes
     * @param objectType the object name for object attributes, else null
     * @param array whether the value is an array
     * @param required whether the attribute is required (subject to {@code profile})
     * @param profile the profile the attribute belongs to, or null
     * @param intEnum allowed values of an integer enum, or null
     * @param stringEnum allowed values of a string enum, or null
     * @param enumText the allowed values as written in messages, e.g. {@code 0,1,2,99}
     */
    record AttrSpec(String name, TypeSpec type, String objectType, boolean array, boolean required, String profile,
            Set<Long> intEnum, Set<String> stringEnum, String enumText) {}

    /**
     * An event class or object.
     *
     * @param description "class detection_finding" or "object metadata", for messages
     * @param attributes the attributes by name
     * @param required the required attributes, in name order
     * @param constraints constraint kind to attribute names (possibly dotted paths)
     * @param open true for the open-ended {@code object} type, which accepts any content
     */
    record EntitySpec(String description, Map<String, AttrSpec> attributes, List<AttrSpec> required,
            Map<String, List<String>> constraints, boolean open) {}

    /**
     * An event class.
     *
     * @param classUid the class_uid
     * @param categoryUid the category_uid it must carry
     * @param entity its attributes and constraints
     */
    record ClassSpec(int classUid, int categoryUid, EntitySpec entity) {}

    /**
     * Patterns used instead of the schema's for some types. {@code datetime_t}: the schema's regex
     * demands a {@code T} between date and time, yet the type's own description gives
     * {@code 2024-09-10 23:20:50.520789Z} as an example and RFC 3339 (section 5.6, note) allows a
     * space there; real producers (and the OCSF examples) use it, and the official validator only
     * warns on a regex mismatch. So a space is accepted too; everything else is as in the schema.
     */
    static final Map<String, String> PATTERN_OVERRIDES = Map.of(
            "datetime_t", "^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?([Zz]|[\\+-]\\d{2}:\\d{2})?$");

    final String version;
    final Set<String> profiles;
    final String profilesText;
    final Map<Integer, ClassSpec> classes;
    final Map<String, EntitySpec> objects;

    private CompiledSchema(String version, Set<String> profiles, Map<Integer, ClassSpec> classes,
            Map<String, EntitySpec> objects) {
        this.version = version;
        this.profiles = profiles;
        this.profilesText = String.join(", ", new TreeSet<>(profiles));
        this.classes = classes;
        this.objects = objects;
    }

    static CompiledSchema load(String resource) {
        try (InputStream in = CompiledSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OCSF resolved schema " + resource + " is not on the classpath");
            }
            return compile(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OCSF resolved schema " + resource, e);
        }
    }

    static CompiledSchema compile(JsonNode root) {
        Map<String, TypeSpec> types = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("types").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode t = e.getValue();
            JsonNode range = t.get("range");
            types.put(e.getKey(), new TypeSpec(
                    e.getKey(),
                    t.path("base").asText(e.getKey()),
                    pattern(e.getKey(), t),
                    range != null && range.size() == 2 ? range.get(0).asDouble() : null,
                    range != null && range.size() == 2 ? range.get(1).asDouble() : null,
                    t.hasNonNull("max_len") ? t.get("max_len").asInt() : null));
        }
        Set<String> profiles = new HashSet<>();
        root.path("profiles").forEach(p -> profiles.add(p.asText()));

        Map<String, EntitySpec> objects = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("objects").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            objects.put(e.getKey(), entity("object " + e.getKey(), e.getValue(), types));
        }
        Map<Integer, ClassSpec> classes = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("classes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            int uid = Integer.parseInt(e.getKey());
            classes.put(uid, new ClassSpec(uid, c.path("category_uid").asInt(),
                    entity("class " + c.path("name").asText(), c, types)));
        }
        for (EntitySpec spec : objects.values()) {
            checkReferences(spec, objects);
        }
        for (ClassSpec spec : classes.values()) {
            checkReferences(spec.entity(), objects);
        }
        return new CompiledSchema(root.path("version").asText(), Collections.unmodifiableSet(profiles),
                Collections.unmodifiableMap(classes), Collections.unmodifiableMap(objects));
    }

    private static Pattern pattern(String type, JsonNode t) {
        String regex = PATTERN_OVERRIDES.getOrDefault(type, t.hasNonNull("regex") ? t.get("regex").asText() : null);
        return regex == null ? null : Pattern.compile(regex);
    }

    private static EntitySpec entity(String description, JsonNode node, Map<String, TypeSpec> types) {
        Map<String, AttrSpec> attributes = new LinkedHashMap<>();
        List<AttrSpec> required = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("attributes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            AttrSpec a = attribute(description, e.getKey(), e.getValue(), types);
            attributes.put(a.name(), a);
            if (a.required()) {
                required.add(a);
            }
        }
        Map<String, List<String>> constraints = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("constraints").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> names = new ArrayList<>();
            e.getValue().forEach(n -> names.add(n.asText()));
            constraints.put(e.getKey(), List.copyOf(names));
        }
        return new EntitySpec(description, Collections.unmodifiableMap(attributes), List.copyOf(required),
                Collections.unmodifiableMap(constraints), attributes.isEmpty());
    }

    private static AttrSpec attribute(String owner, String name, JsonNode a, Map<String, TypeSpec> types) {
        String typeName = a.path("type").asText();
        boolean isObject = typeName.equals("object_t");
        TypeSpec type = isObject ? null : types.get(typeName);
        if (!isObject && type == null) {
            throw new IllegalStateException(owner + "." + name + " has unknown type " + typeName);
        }
        Set<Long> intEnum = null;
        Set<String> stringEnum = null;
        String enumText = null;
        JsonNode en = a.get("enum");
        if (en != null && en.size() > 0) {
            List<String> shown = new ArrayList<>();
            if (en.get(0).isIntegralNumber()) {
                Set<Long> values = new HashSet<>();
                en.forEach(v -> {
                    values.add(v.asLong());
                    shown.add(v.asText());
                });
                intEnum = Collections.unmodifiableSet(values);
            } else {
                Set<String> values = new HashSet<>();
                en.forEach(v -> {
                    values.add(v.asText());
                    shown.add(v.asText());
                });
                stringEnum = Collections.unmodifiableSet(values);
            }
            enumText = String.join(",", shown);
        }
        return new AttrSpec(name, type, isObject ? a.path("object_type").asText() : null,
                a.path("is_array").asBoolean(false), "required".equals(a.path("requirement").asText()),
                a.hasNonNull("profile") ? a.get("profile").asText() : null, intEnum, stringEnum, enumText);
    }

    private static void checkReferences(EntitySpec spec, Map<String, EntitySpec> objects) {
        for (AttrSpec a : spec.attributes().values()) {
            if (a.objectType() != null && !objects.containsKey(a.objectType())) {
                throw new IllegalStateException(spec.description() + "." + a.name()
                        + " references unknown object " + a.objectType());
            }
        }
    }
}
