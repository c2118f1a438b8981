package io.protect.tools.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.tools.ocsf.ResolvedSchema.AttributeDef;
import io.protect.tools.ocsf.ResolvedSchema.EntityDef;
import io.protect.tools.ocsf.ResolvedSchema.EnumValue;
import io.protect.tools.ocsf.ResolvedSchema.Kind;
import io.protect.tools.ocsf.ResolvedSchema.TypeDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads an OCSF schema source directory (dictionary, categories, events, objects, profiles) and
 * resolves it the way the official OCSF server does, producing a {@link ResolvedSchema}.
 *
 * <p>Extensions are out of scope: only the core schema under the given directory is read.
 */
public final class SchemaResolver {

    private static final String INCLUDE = "$include";
    private static final String DATETIME_PROFILE = "datetime";
    private static final String DATETIME_TYPE = "datetime_t";
    private static final String TIMESTAMP_TYPE = "timestamp_t";
    /** Attributes whose allowed values depend on the class itself, not on a static enum. */
    private static final Set<String> CLASS_IDENTITY_ATTRIBUTES = Set.of("class_uid", "category_uid", "type_uid");

    private final Path root;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, ObjectNode> includeCache = new HashMap<>();

    private SchemaResolver(Path root) {
        this.root = root;
    }

    /** Reads and resolves the schema source rooted at {@code schemaDir}. */
    public static ResolvedSchema resolve(Path schemaDir) throws IOException {
        try {
            return new SchemaResolver(schemaDir).run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private record Category(int uid, String caption) {}

    private ResolvedSchema run() throws IOException {
        String version = requiredText(read(root.resolve("version.json")), "version", "version.json");
        Map<String, Category> categories = readCategories();
        ObjectNode dictionaryFile = read(root.resolve("dictionary.json"));
        SortedMap<String, TypeDef> types = readTypes(dictionaryFile.path("types").path("attributes"));
        Map<String, ObjectNode> dictionaryNodes = normaliseDictionary(dictionaryFile.path("attributes"), types);
        SortedSet<String> profiles = readProfileNames();

        Map<String, ObjectNode> rawClasses = readDefinitions(root.resolve("events"));
        Map<String, ObjectNode> rawObjects = readDefinitions(root.resolve("objects"));
        SortedMap<Long, String> observableTypes =
                observableTypeIds(dictionaryFile, types, dictionaryNodes, rawClasses, rawObjects);

        Map<String, ObjectNode> classes = resolveAllExtends(rawClasses);
        Map<String, ObjectNode> objects = resolveAllExtends(rawObjects);

        AttributeResolver attrs = new AttributeResolver(dictionaryNodes, types);

        SortedMap<String, EntityDef> objectDefs = new TreeMap<>();
        for (Map.Entry<String, ObjectNode> e : objects.entrySet()) {
            if (e.getKey().startsWith("_")) {
                continue; // abstract bases only contribute through extends
            }
            objectDefs.put(e.getKey(), buildEntity(Kind.OBJECT, e.getKey(), e.getValue(), attrs, categories));
        }
        SortedMap<String, EntityDef> classDefs = new TreeMap<>();
        for (Map.Entry<String, ObjectNode> e : classes.entrySet()) {
            boolean hidden = !e.getKey().equals("base_event") && !e.getValue().hasNonNull("uid");
            if (hidden) {
                continue; // category-level bases such as "finding" are not concrete classes
            }
            classDefs.put(e.getKey(), buildEntity(Kind.CLASS, e.getKey(), e.getValue(), attrs, categories));
        }

        addObservableTypeIds(objectDefs, observableTypes);
        checkObjectReferences(objectDefs, classDefs);
        SortedMap<String, SortedSet<String>> objectProfiles = new TreeMap<>();
        objectDefs.forEach((k, v) -> objectProfiles.put(k, v.profiles()));
        objectDefs = linkProfiles(objectDefs, objectProfiles);
        classDefs = linkProfiles(classDefs, objectProfiles);
        checkUniqueClassUids(classDefs);

        SortedMap<String, AttributeDef> dictionary = new TreeMap<>();
        for (String name : dictionaryNodes.keySet()) {
            dictionary.put(name, attrs.resolve(name, null, "dictionary"));
        }
        SortedMap<String, SortedMap<String, AttributeDef>> profileAttributes = new TreeMap<>();
        for (Path p : jsonFiles(root.resolve("profiles"))) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            ObjectNode profile = loadInclude(rel, new ArrayDeque<>());
            SortedMap<String, AttributeDef> defs = new TreeMap<>();
            profile.path("attributes").fields().forEachRemaining(e ->
                    defs.put(e.getKey(), attrs.resolve(e.getKey(), e.getValue(), "profile " + rel)));
            profileAttributes.put(requiredText(profile, "name", rel), defs);
        }
        return new ResolvedSchema(version, types, profiles, dictionary, profileAttributes, objectDefs, classDefs);
    }

    // ---------------------------------------------------------------- reading

    private ObjectNode read(Path file) {
        try {
            JsonNode node = mapper.readTree(file.toFile());
            if (!(node instanceof ObjectNode o)) {
                throw new IllegalStateException(root.relativize(file) + " is not a JSON object");
            }
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private List<Path> jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            // Sorted by relative path so that resolution never depends on directory listing order.
            return s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json"))
                    .sorted(Comparator.comparing(p -> root.relativize(p).toString().replace('\\', '/')))
                    .collect(Collectors.toList());
        }
    }

    private Map<String, Category> readCategories() {
        Map<String, Category> result = new TreeMap<>();
        ObjectNode file = read(root.resolve("categories.json"));
        file.path("attributes").fields().forEachRemaining(e -> result.put(
                e.getKey(), new Category(e.getValue().path("uid").asInt(), e.getValue().path("caption").asText(e.getKey()))));
        return result;
    }

    private SortedSet<String> readProfileNames() throws IOException {
        SortedSet<String> names = new TreeSet<>();
        for (Path p : jsonFiles(root.resolve("profiles"))) {
            names.add(requiredText(read(p), "name", root.relativize(p).toString()));
        }
        return names;
    }

    private static SortedMap<String, TypeDef> readTypes(JsonNode typesNode) {
        Map<String, JsonNode> raw = new TreeMap<>();
        typesNode.fields().forEachRemaining(e -> raw.put(e.getKey(), e.getValue()));
        SortedMap<String, TypeDef> result = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : raw.entrySet()) {
            String name = e.getKey();
            JsonNode t = e.getValue();
            // Walk up the super types: the server checks a subtype's constraint first, then its parent's.
            List<JsonNode> chain = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            String base = name;
            JsonNode cur = t;
            while (cur != null && seen.add(base)) {
                chain.add(cur);
                String sup = cur.path("type").asText(null);
                if (sup == null) {
                    break;
                }
                if (!raw.containsKey(sup)) {
                    throw new IllegalStateException("type " + name + " has undefined super type " + sup);
                }
                base = sup;
                cur = raw.get(sup);
            }
            result.put(name, new TypeDef(
                    name,
                    t.path("caption").asText(name),
                    t.path("description").asText(null),
                    base,
                    firstText(chain, "regex"),
                    firstNode(chain, "range"),
                    firstNode(chain, "max_len") == null ? null : firstNode(chain, "max_len").asInt(),
                    firstNode(chain, "values")));
        }
        return result;
    }

    private static String firstText(List<JsonNode> chain, String field) {
        JsonNode n = firstNode(chain, field);
        return n == null ? null : n.asText();
    }

    private static JsonNode firstNode(List<JsonNode> chain, String field) {
        for (JsonNode n : chain) {
            if (n.hasNonNull(field)) {
                return n.get(field).deepCopy();
            }
        }
        return null;
    }

    /** Turns dictionary attributes typed with an object name into {@code object_t} + {@code object_type}. */
    private static Map<String, ObjectNode> normaliseDictionary(JsonNode attributes, Map<String, TypeDef> types) {
        Map<String, ObjectNode> result = new TreeMap<>();
        attributes.fields().forEachRemaining(e -> {
            ObjectNode a = ((ObjectNode) e.getValue()).deepCopy();
            normaliseType(a, types);
            result.put(e.getKey(), a);
        });
        return result;
    }

    private static void normaliseType(ObjectNode a, Map<String, TypeDef> types) {
        String type = a.path("type").asText("object_t");
        if (ResolvedSchema.OBJECT_T.equals(type)) {
            return;
        }
        if (types.containsKey(type)) {
            a.remove("object_type"); // an override to a scalar type drops the inherited object type
            a.put("type", type);
        } else {
            a.put("type", ResolvedSchema.OBJECT_T);
            a.put("object_type", type);
        }
    }

    /** Reads every definition file under {@code dir}, with its {@code $include}s applied, keyed by name. */
    private Map<String, ObjectNode> readDefinitions(Path dir) throws IOException {
        Map<String, ObjectNode> result = new TreeMap<>();
        for (Path p : jsonFiles(dir)) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            ObjectNode data = read(p);
            String name = data.path("name").asText(null);
            String ext = data.path("extends").asText(null);
            if (name == null || name.equals(ext)) {
                throw new IllegalStateException(rel + " patches " + ext + "; patching (extensions) is not supported");
            }
            resolveIncludes(data, new ArrayDeque<>(List.of(rel)));
            if (result.put(name, data) != null) {
                throw new IllegalStateException("duplicate definition name " + name + " in " + rel);
            }
        }
        return result;
    }

    /**
     * Applies {@code $include} in place: included attributes go underneath the file's own attributes
     * (the file's definitions win), then attribute-level includes (enum files) are merged likewise.
     */
    private void resolveIncludes(ObjectNode data, Deque<String> stack) {
        JsonNode attrsNode = data.get("attributes");
        if (!(attrsNode instanceof ObjectNode attrs)) {
            return;
        }
        JsonNode include = attrs.get(INCLUDE);
        ObjectNode own = attrs.deepCopy();
        own.remove(INCLUDE);
        ObjectNode merged = own;
        for (String file : includeList(include)) {
            ObjectNode included = loadInclude(file, stack);
            merged = JsonMerge.deepMerge(included.path("attributes"), merged);
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = merged.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode attr = e.getValue();
            if (attr instanceof ObjectNode a && a.has(INCLUDE)) {
                ObjectNode rest = a.deepCopy();
                rest.remove(INCLUDE);
                ObjectNode base = JsonNodeFactory.instance.objectNode();
                for (String file : includeList(a.get(INCLUDE))) {
                    base = JsonMerge.deepMerge(base, loadInclude(file, stack));
                }
                attr = JsonMerge.deepMerge(base, rest);
            }
            result.set(e.getKey(), attr);
        }
        data.set("attributes", result);
    }

    private static List<String> includeList(JsonNode include) {
        if (include == null || include.isNull()) {
            return List.of();
        }
        if (include.isTextual()) {
            return List.of(include.asText());
        }
        List<String> files = new ArrayList<>();
        include.forEach(n -> files.add(n.asText()));
        return files;
    }

    /** Loads an included file; a profile's attributes are tagged with the profile name. */
    private ObjectNode loadInclude(String file, Deque<String> stack) {
        ObjectNode cached = includeCache.get(file);
        if (cached != null) {
            return cached;
        }
        if (stack.contains(file)) {
            throw new IllegalStateException("$include cycle: " + stack + " -> " + file);
        }
        Path path = root.resolve(file).normalize();
        if (!path.startsWith(root.normalize()) || !Files.isRegularFile(path)) {
            throw new IllegalStateException("$include of missing file " + file + " from " + stack.peekLast());
        }
        ObjectNode data = read(path);
        stack.addLast(file);
        resolveIncludes(data, stack);
        stack.removeLast();
        if ("profile".equals(data.path("meta").asText(null)) && data.get("attributes") instanceof ObjectNode attrs) {
            String profile = requiredText(data, "name", file);
            JsonNode annotations = data.get("annotations");
            ObjectNode tagged = JsonNodeFactory.instance.objectNode();
            attrs.fields().forEachRemaining(e -> {
                ObjectNode a = JsonMerge.deepMerge(annotations, e.getValue());
                a.put("profile", profile);
                tagged.set(e.getKey(), a);
            });
            data.set("attributes", tagged);
        }
        includeCache.put(file, data);
        return data;
    }

    // ---------------------------------------------------------------- extends

    private static Map<String, ObjectNode> resolveAllExtends(Map<String, ObjectNode> raw) {
        Map<String, ObjectNode> memo = new TreeMap<>();
        for (String name : raw.keySet()) {
            resolveExtends(raw, name, memo, new ArrayDeque<>());
        }
        return memo;
    }

    /**
     * Flattens the {@code extends} chain: attributes deep-merge (the child wins, a null attribute
     * removes the inherited one), profiles concatenate, any other key of the child replaces the
     * parent's (so a child's {@code constraints} replace the parent's as a whole).
     */
    private static ObjectNode resolveExtends(
            Map<String, ObjectNode> raw, String name, Map<String, ObjectNode> memo, Deque<String> stack) {
        ObjectNode done = memo.get(name);
        if (done != null) {
            return done;
        }
        ObjectNode item = raw.get(name);
        if (stack.contains(name)) {
            throw new IllegalStateException("extends cycle: " + stack + " -> " + name);
        }
        String ext = item.path("extends").asText(null);
        ObjectNode result;
        if (ext == null) {
            result = item.deepCopy();
        } else {
            if (!raw.containsKey(ext)) {
                throw new IllegalStateException(name + " extends undefined " + ext);
            }
            stack.push(name);
            ObjectNode base = resolveExtends(raw, ext, memo, stack);
            stack.pop();
            ObjectNode attrs = JsonMerge.deepMerge(base.get("attributes"), item.get("attributes"));
            List<String> removed = new ArrayList<>();
            attrs.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    removed.add(e.getKey());
                }
            });
            attrs.remove(removed);
            result = base.deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    continue;
                }
                if (e.getKey().equals("profiles")) {
                    Set<String> merged = new LinkedHashSet<>();
                    base.path("profiles").forEach(p -> merged.add(p.asText()));
                    e.getValue().forEach(p -> merged.add(p.asText()));
                    ArrayNode arr = result.putArray("profiles");
                    merged.forEach(arr::add);
                } else {
                    result.set(e.getKey(), e.getValue().deepCopy());
                }
            }
            result.set("attributes", attrs);
        }
        memo.put(name, result);
        return result;
    }

    // ---------------------------------------------------------------- entities

    /** Merges an attribute's overrides onto its dictionary definition. */
    private static final class AttributeResolver {
        private final Map<String, ObjectNode> dictionary;
        private final Map<String, TypeDef> types;

        AttributeResolver(Map<String, ObjectNode> dictionary, Map<String, TypeDef> types) {
            this.dictionary = dictionary;
            this.types = types;
        }

        String dictionaryType(String name) {
            ObjectNode d = dictionary.get(name);
            return d == null ? null : d.path("type").asText(null);
        }

        AttributeDef resolve(String name, JsonNode overrides, String owner) {
            ObjectNode base = dictionary.get(name);
            if (base == null) {
                throw new IllegalStateException(owner + "." + name + " is not defined in dictionary.json");
            }
            ObjectNode a = JsonMerge.deepMerge(base, overrides);
            normaliseType(a, types);
            String type = a.path("type").asText();
            String baseType = ResolvedSchema.OBJECT_T.equals(type) ? type : types.get(type).base();
            return new AttributeDef(
                    name,
                    a.path("caption").asText(name),
                    a.path("description").asText(null),
                    type,
                    ResolvedSchema.OBJECT_T.equals(type) ? a.path("object_type").asText() : null,
                    a.path("is_array").asBoolean(false),
                    a.path("requirement").asText("optional"),
                    enumValues(a.get("enum"), baseType, owner + "." + name),
                    a.path("profile").isTextual() ? a.path("profile").asText() : null);
        }

        private static List<EnumValue> enumValues(JsonNode node, String baseType, String where) {
            if (!(node instanceof ObjectNode o) || o.isEmpty()) {
                return List.of();
            }
            boolean numeric = baseType.equals("integer_t") || baseType.equals("long_t");
            List<EnumValue> values = new ArrayList<>();
            o.fields().forEachRemaining(e -> {
                if (numeric) {
                    try {
                        Long.parseLong(e.getKey());
                    } catch (NumberFormatException ex) {
                        throw new IllegalStateException(where + " has non-integer enum key " + e.getKey(), ex);
                    }
                }
                values.add(new EnumValue(
                        e.getKey(),
                        e.getValue().path("caption").asText(e.getKey()),
                        e.getValue().path("description").asText(null)));
            });
            values.sort(numeric
                    ? Comparator.comparingLong((EnumValue v) -> Long.parseLong(v.key()))
                    : Comparator.comparing(EnumValue::key));
            return List.copyOf(values);
        }
    }

    private static EntityDef buildEntity(
            Kind kind, String name, ObjectNode node, AttributeResolver attrs, Map<String, Category> categories) {
        String owner = (kind == Kind.CLASS ? "class " : "object ") + name;
        SortedMap<String, AttributeDef> attributes = new TreeMap<>();
        node.path("attributes").fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                return;
            }
            AttributeDef a = attrs.resolve(e.getKey(), e.getValue(), owner);
            if (kind == Kind.CLASS && CLASS_IDENTITY_ATTRIBUTES.contains(a.name())) {
                // Their only valid values follow from the class itself (uid, category, activity).
                a = new AttributeDef(a.name(), a.caption(), a.description(), a.type(), a.objectType(),
                        a.isArray(), a.requirement(), List.of(), a.profile());
            }
            attributes.put(e.getKey(), a);
        });

        // The synthetic datetime profile: every timestamp_t attribute gets an RFC 3339 *_dt sibling.
        boolean anyDatetime = false;
        for (AttributeDef a : List.copyOf(attributes.values())) {
            if (TIMESTAMP_TYPE.equals(attrs.dictionaryType(a.name()))) {
                anyDatetime = true;
                attributes.put(a.name() + "_dt", new AttributeDef(
                        a.name() + "_dt", a.caption(), a.description(), DATETIME_TYPE, null, a.isArray(),
                        "optional", List.of(), DATETIME_PROFILE));
            }
        }

        SortedMap<String, List<String>> constraints = new TreeMap<>();
        node.path("constraints").fields().forEachRemaining(e -> {
            List<String> names = new ArrayList<>();
            e.getValue().forEach(n -> names.add(n.asText()));
            if (!names.isEmpty()) {
                constraints.put(e.getKey(), List.copyOf(names));
            }
        });

        SortedSet<String> profiles = new TreeSet<>();
        node.path("profiles").forEach(p -> profiles.add(p.asText()));
        if (anyDatetime) {
            profiles.add(DATETIME_PROFILE);
        }

        Integer classUid = null;
        Integer categoryUid = null;
        String categoryName = null;
        if (kind == Kind.CLASS) {
            String categoryKey = node.path("category").asText("other");
            Category cat = categories.get(categoryKey);
            categoryUid = cat == null ? 0 : cat.uid(); // "other" (base_event) is uncategorised
            categoryName = cat == null ? "Other" : cat.caption();
            int uid = node.path("uid").asInt(0);
            classUid = categoryUid * 1000 + uid;
        }
        return new EntityDef(kind, name, node.path("caption").asText(name), node.path("description").asText(null),
                classUid, categoryUid, categoryName, attributes, constraints, profiles);
    }

    /**
     * Mirrors the server: a class or object also lists the profiles of the objects its attributes
     * reference directly.
     */
    private static SortedMap<String, EntityDef> linkProfiles(
            SortedMap<String, EntityDef> entities, Map<String, SortedSet<String>> objectProfiles) {
        SortedMap<String, EntityDef> result = new TreeMap<>();
        for (EntityDef e : entities.values()) {
            SortedSet<String> profiles = new TreeSet<>(e.profiles());
            for (AttributeDef a : e.attributes().values()) {
                if (a.isObject()) {
                    profiles.addAll(objectProfiles.getOrDefault(a.objectType(), new TreeSet<>()));
                }
            }
            result.put(e.name(), new EntityDef(e.kind(), e.name(), e.caption(), e.description(), e.classUid(),
                    e.categoryUid(), e.categoryName(), e.attributes(), e.constraints(), profiles));
        }
        return result;
    }

    private static void checkObjectReferences(Map<String, EntityDef> objects, Map<String, EntityDef> classes) {
        for (Map<String, EntityDef> map : List.of(objects, classes)) {
            for (EntityDef e : map.values()) {
                for (AttributeDef a : e.attributes().values()) {
                    if (a.isObject() && !objects.containsKey(a.objectType())) {
                        throw new IllegalStateException(
                                e.name() + "." + a.name() + " references unknown object " + a.objectType());
                    }
                }
            }
        }
    }

    private static void checkUniqueClassUids(Map<String, EntityDef> classes) {
        Map<Integer, String> seen = new HashMap<>();
        for (EntityDef c : classes.values()) {
            String prev = seen.put(c.classUid(), c.name());
            if (prev != null) {
                throw new IllegalStateException("class_uid " + c.classUid() + " used by " + prev + " and " + c.name());
            }
        }
    }

    // ---------------------------------------------------------------- observables

    /**
     * Collects the observable {@code type_id} values the server adds to the observable object:
     * from dictionary types and attributes, objects, and object/class attributes marked
     * {@code observable}.
     */
    private static SortedMap<Long, String> observableTypeIds(
            ObjectNode dictionaryFile,
            Map<String, TypeDef> types,
            Map<String, ObjectNode> dictionary,
            Map<String, ObjectNode> classes,
            Map<String, ObjectNode> objects) {
        SortedMap<Long, String> ids = new TreeMap<>();
        for (TypeDef t : types.values()) {
            JsonNode raw = dictionaryFile.path("types").path("attributes").path(t.name());
            putObservable(ids, raw.get("observable"), t.caption());
        }
        dictionary.forEach((name, a) -> putObservable(ids, a.get("observable"), a.path("caption").asText(name)));
        for (Map.Entry<String, ObjectNode> e : objects.entrySet()) {
            String caption = e.getValue().path("caption").asText(e.getKey());
            putObservable(ids, e.getValue().get("observable"), caption);
            e.getValue().path("attributes").fields().forEachRemaining(a ->
                    putObservable(ids, a.getValue().get("observable"), caption + " Object: " + a.getKey()));
        }
        for (Map.Entry<String, ObjectNode> e : classes.entrySet()) {
            String caption = e.getValue().path("caption").asText(e.getKey());
            e.getValue().path("attributes").fields().forEachRemaining(a ->
                    putObservable(ids, a.getValue().get("observable"), caption + " Class: " + a.getKey()));
            e.getValue().path("observables").fields().forEachRemaining(o ->
                    putObservable(ids, o.getValue(), caption + " Class: " + o.getKey()));
        }
        return ids;
    }

    private static void putObservable(SortedMap<Long, String> ids, JsonNode id, String caption) {
        if (id == null || !id.canConvertToLong()) {
            return;
        }
        String prev = ids.putIfAbsent(id.asLong(), caption);
        if (prev != null) {
            throw new IllegalStateException("observable type_id " + id.asLong() + " used by both "
                    + prev + " and " + caption);
        }
    }

    private static void addObservableTypeIds(SortedMap<String, EntityDef> objects, SortedMap<Long, String> ids) {
        EntityDef observable = objects.get("observable");
        if (observable == null || !observable.attributes().containsKey("type_id")) {
            return;
        }
        AttributeDef typeId = observable.attributes().get("type_id");
        Map<Long, EnumValue> values = new TreeMap<>();
        ids.forEach((id, caption) -> values.put(id, new EnumValue(Long.toString(id), caption, null)));
        for (EnumValue v : typeId.enumValues()) {
            values.put(Long.parseLong(v.key()), v); // the object's own definitions (0, 99) win
        }
        SortedMap<String, AttributeDef> attrs = new TreeMap<>(observable.attributes());
        attrs.put("type_id", new AttributeDef(typeId.name(), typeId.caption(), typeId.description(), typeId.type(),
                typeId.objectType(), typeId.isArray(), typeId.requirement(), List.copyOf(values.values()),
                typeId.profile()));
        objects.put("observable", new EntityDef(observable.kind(), observable.name(), observable.caption(),
                observable.description(), null, null, null, attrs, observable.constraints(), observable.profiles()));
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalStateException(where + " has no \"" + field + "\"");
        }
        return v.asText();
    }
}
