package io.protect.tools.ocsf;

import io.protect.tools.ocsf.ResolvedSchema.AttributeDef;
import io.protect.tools.ocsf.ResolvedSchema.EntityDef;
import io.protect.tools.ocsf.ResolvedSchema.EnumValue;
import io.protect.tools.ocsf.ResolvedSchema.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Emits the Java model (records, enums, schema constants) for a {@link ResolvedSchema}. */
final class JavaEmitter {

    static final String BASE_PACKAGE = "io.protect.ocsf.model";
    static final String EVENTS_PACKAGE = BASE_PACKAGE + ".events";
    static final String OBJECTS_PACKAGE = BASE_PACKAGE + ".objects";
    static final String ENUMS_PACKAGE = BASE_PACKAGE + ".enums";

    private static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";
    private static final String LIST = "java.util.List";
    /** Simple names the generated code uses unqualified; a model type with one of these names would shadow it. */
    private static final Set<String> TAKEN_SIMPLE_NAMES = Set.of(
            "String", "Integer", "Long", "Double", "Boolean", "Object", "List", "JsonNode", "JsonProperty",
            "JsonInclude", "JsonCreator", "JsonValue", "IllegalArgumentException", "Builder", "Class", "Record",
            "OcsfSchema", "OcsfRecord", "OcsfJson", "ObjectNode");

    private final ResolvedSchema schema;
    private final String banner;
    /** enum simple name to its definition. */
    private final SortedMap<String, EnumSpec> enums = new TreeMap<>();
    /** "kind:owner.attribute" to the enum simple name that types it. */
    private final Map<String, String> enumOfAttribute = new HashMap<>();

    /**
     * One generated Java enum.
     *
     * @param name the simple name
     * @param attribute the attribute it types
     * @param owner null for a dictionary-wide enum, else "profile x", "class x" or "object x"
     * @param caption the attribute caption
     * @param description the attribute description
     * @param values the enum values
     */
    record EnumSpec(String name, String attribute, String owner, String caption, String description,
            List<EnumValue> values) {}

    JavaEmitter(ResolvedSchema schema, String banner) {
        this.schema = schema;
        this.banner = banner;
        planEnums();
    }

    /** Emits every file, keyed by its path relative to {@code src/main/java}. */
    SortedMap<String, String> emit() {
        SortedMap<String, String> files = new TreeMap<>();
        Set<String> typeNames = new HashSet<>();
        for (EntityDef o : schema.objects().values()) {
            if (isOpenObject(o.name())) {
                continue; // typed as JsonNode wherever it is used
            }
            put(files, typeNames, OBJECTS_PACKAGE, recordName(o), emitRecord(o));
        }
        for (EntityDef c : schema.classes().values()) {
            put(files, typeNames, EVENTS_PACKAGE, recordName(c), emitRecord(c));
        }
        for (EnumSpec e : enums.values()) {
            put(files, typeNames, ENUMS_PACKAGE, e.name(), emitEnum(e));
        }
        put(files, typeNames, BASE_PACKAGE, "OcsfSchema", emitSchemaConstants());
        put(files, typeNames, BASE_PACKAGE, "OcsfRecord", emitRecordInterface());
        put(files, typeNames, BASE_PACKAGE, "OcsfJson", emitJsonHelper());
        packageInfo(files, BASE_PACKAGE, "The Java model of OCSF " + schema.version()
                + " generated from the official schema source; see {@link " + BASE_PACKAGE + ".OcsfSchema}.");
        packageInfo(files, EVENTS_PACKAGE, "One record per OCSF event class, with every attribute the class can carry"
                + " (profile attributes included).\n * Records serialise with Jackson to OCSF JSON: snake_case names,"
                + " null attributes omitted, unknown attributes rejected.");
        packageInfo(files, OBJECTS_PACKAGE, "One record per concrete OCSF object; abstract bases ({@code _entity},"
                + " {@code _resource}, {@code _dns}) are flattened into them.\n * The open-ended object type"
                + " {@code object} ({@code unmapped}, {@code xattributes}) is typed as {@code JsonNode}.");
        packageInfo(files, ENUMS_PACKAGE, "Enums for integer OCSF attributes with enumerated values; each constant"
                + " carries its integer {@code value()} and {@code caption()}.\n *\n * <p>An enum equal to the"
                + " dictionary's definition is shared and named after the attribute ({@code SeverityId}); one"
                + " equal\n * to a profile's definition is named after the profile; any other after the class or"
                + " object that\n * defines it ({@code DetectionFindingActivityId}).\n *\n * <p>Unknown integers:"
                + " {@code of(int)} (the Jackson creator) throws IllegalArgumentException, which Jackson\n * reports"
                + " as a deserialisation error, rather than mapping the value to Other: mapping would silently"
                + "\n * lose the source value. 99 (Other) is accepted wherever the schema defines it. Validate"
                + " events with\n * the OCSF validator before binding them to records to get a precise message.");
        return files;
    }

    /** The enums planned for this schema (for statistics and tests). */
    SortedMap<String, EnumSpec> enums() {
        return enums;
    }

    private void packageInfo(SortedMap<String, String> files, String pkg, String doc) {
        files.put(pkg.replace('.', '/') + "/package-info.java", banner + "/**\n * " + doc + "\n */\npackage " + pkg + ";\n");
    }

    private static void put(SortedMap<String, String> files, Set<String> names, String pkg, String simple, String src) {
        String path = pkg.replace('.', '/') + "/" + simple + ".java";
        if (!names.add(pkg + "." + simple) || files.put(path, src) != null) {
            throw new IllegalStateException("two generated types named " + pkg + "." + simple);
        }
        if (TAKEN_SIMPLE_NAMES.contains(simple) && !Set.of("OcsfSchema", "OcsfRecord", "OcsfJson").contains(simple)) {
            throw new IllegalStateException("generated type " + simple + " would shadow a name the generated code uses");
        }
    }

    static boolean isOpenObject(String objectName) {
        return ResolvedSchema.OPEN_OBJECT.equals(objectName);
    }

    static String recordName(EntityDef e) {
        return Names.pascal(e.name());
    }

    // ---------------------------------------------------------------- enum planning

    private static boolean sameValues(List<EnumValue> a, List<EnumValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).key().equals(b.get(i).key()) || !a.get(i).caption().equals(b.get(i).caption())) {
                return false;
            }
        }
        return true;
    }

    private boolean isIntegerEnum(AttributeDef a) {
        if (a.isObject() || a.enumValues().isEmpty()) {
            return false;
        }
        return "integer_t".equals(schema.types().get(a.type()).base());
    }

    private static String attributeKey(EntityDef owner, String attribute) {
        return owner.kind() + ":" + owner.name() + "." + attribute;
    }

    /**
     * An enum equal to the dictionary's definition is shared and named after the attribute
     * ({@code SeverityId}); one equal to the definition of the profile that contributed the attribute
     * is shared by the profile ({@code SecurityControlActionId}); any other is specific to, and
     * named after, the class or object that owns it ({@code DetectionFindingActivityId}).
     */
    private void planEnums() {
        List<EntityDef> owners = new ArrayList<>(schema.classes().values());
        owners.addAll(schema.objects().values());
        for (EntityDef owner : owners) {
            for (AttributeDef a : owner.attributes().values()) {
                if (!isIntegerEnum(a)) {
                    continue;
                }
                AttributeDef dict = schema.dictionary().get(a.name());
                AttributeDef fromProfile = a.profile() == null ? null
                        : schema.profileAttributes().getOrDefault(a.profile(), new TreeMap<>()).get(a.name());
                EnumSpec spec;
                if (dict != null && sameValues(dict.enumValues(), a.enumValues())) {
                    spec = new EnumSpec(Names.pascal(a.name()), a.name(), null, dict.caption(), dict.description(),
                            a.enumValues());
                } else if (fromProfile != null && sameValues(fromProfile.enumValues(), a.enumValues())) {
                    spec = new EnumSpec(Names.pascal(a.profile()) + Names.pascal(a.name()), a.name(),
                            "profile " + a.profile(), fromProfile.caption(), fromProfile.description(),
                            a.enumValues());
                } else {
                    spec = new EnumSpec(Names.pascal(owner.name()) + Names.pascal(a.name()), a.name(),
                            (owner.kind() == Kind.CLASS ? "class " : "object ") + owner.name(), a.caption(),
                            a.description(), a.enumValues());
                }
                EnumSpec prev = enums.putIfAbsent(spec.name(), spec);
                if (prev != null && !sameValues(prev.values(), spec.values())) {
                    throw new IllegalStateException(
                            "enum name clash: " + spec.name() + " for " + owner.name() + "." + a.name());
                }
                enumOfAttribute.put(attributeKey(owner, a.name()), spec.name());
            }
        }
    }

    // ---------------------------------------------------------------- records

    /** Tracks imports of one compilation unit and decides when a name must be fully qualified. */
    private static final class Imports {
        private final String pkg;
        private final String self;
        private final Map<String, String> bySimple = new TreeMap<>();

        Imports(String pkg, String self) {
            this.pkg = pkg;
            this.self = self;
        }

        String use(String fqn) {
            int dot = fqn.lastIndexOf('.');
            String p = fqn.substring(0, dot);
            String simple = fqn.substring(dot + 1);
            if (simple.equals(self)) {
                return p.equals(pkg) ? simple : fqn;
            }
            String existing = bySimple.get(simple);
            if (existing != null && !existing.equals(fqn)) {
                return fqn;
            }
            bySimple.put(simple, fqn);
            return simple;
        }

        String render() {
            Set<String> lines = new TreeSet<>();
            for (String fqn : bySimple.values()) {
                String p = fqn.substring(0, fqn.lastIndexOf('.'));
                if (!p.equals(pkg) && !p.equals("java.lang")) {
                    lines.add("import " + fqn + ";");
                }
            }
            return lines.isEmpty() ? "" : String.join("\n", lines) + "\n\n";
        }
    }

    private String javaType(EntityDef owner, AttributeDef a, Imports imports) {
        String element;
        if (a.isObject()) {
            element = isOpenObject(a.objectType())
                    ? imports.use(JSON_NODE)
                    : imports.use(OBJECTS_PACKAGE + "." + Names.pascal(a.objectType()));
        } else {
            String enumName = enumOfAttribute.get(attributeKey(owner, a.name()));
            if (enumName != null) {
                element = imports.use(ENUMS_PACKAGE + "." + enumName);
            } else {
                element = switch (schema.types().get(a.type()).base()) {
                    case "string_t" -> "String";
                    case "integer_t" -> "Integer";
                    case "long_t" -> "Long";
                    case "float_t" -> "Double";
                    case "boolean_t" -> "Boolean";
                    case "json_t" -> imports.use(JSON_NODE);
                    default -> throw new IllegalStateException(
                            "no Java type for " + a.type() + " (" + owner.name() + "." + a.name() + ")");
                };
            }
        }
        return a.isArray() ? imports.use(LIST) + "<" + element + ">" : element;
    }

    private record Component(AttributeDef attribute, String javaName, String javaType) {}

    private String emitRecord(EntityDef e) {
        boolean isClass = e.kind() == Kind.CLASS;
        String pkg = isClass ? EVENTS_PACKAGE : OBJECTS_PACKAGE;
        String name = recordName(e);
        Imports imports = new Imports(pkg, name);
        imports.use("com.fasterxml.jackson.annotation.JsonInclude");
        imports.use("com.fasterxml.jackson.annotation.JsonProperty");
        imports.use("com.fasterxml.jackson.databind.node.ObjectNode");
        imports.use(BASE_PACKAGE + ".OcsfJson");
        imports.use(BASE_PACKAGE + ".OcsfRecord");

        List<Component> components = new ArrayList<>();
        Set<String> javaNames = new HashSet<>();
        for (AttributeDef a : e.attributes().values()) {
            String javaName = Names.camel(a.name());
            if (!javaNames.add(javaName)) {
                throw new IllegalStateException(e.name() + ": two attributes map to Java name " + javaName);
            }
            components.add(new Component(a, javaName, javaType(e, a, imports)));
        }

        StringBuilder body = new StringBuilder();
        body.append("/**\n * ").append(JavadocText.summary(e.caption(), e.description())).append("\n");
        if (isClass) {
            body.append(" *\n * <p>OCSF event class {@code ").append(e.name()).append("}: class_uid ")
                    .append(e.classUid()).append(", category ").append(JavadocText.escape(e.categoryName()))
                    .append(" (").append(e.categoryUid()).append(").\n");
        } else {
            body.append(" *\n * <p>OCSF object {@code ").append(e.name()).append("}.\n");
        }
        if (!components.isEmpty()) {
            body.append(" *\n");
        }
        for (Component c : components) {
            body.append(" * @param ").append(c.javaName()).append(' ')
                    .append(JavadocText.summary(c.attribute().caption(), c.attribute().description()))
                    .append("\n");
        }
        body.append(" */\n");
        body.append("@JsonInclude(JsonInclude.Include.NON_NULL)\n");
        body.append("public record ").append(name).append("(");
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            body.append("\n        @JsonProperty(\"").append(c.attribute().name()).append("\") ")
                    .append(c.javaType()).append(' ').append(c.javaName());
            body.append(i < components.size() - 1 ? "," : "");
        }
        body.append(") implements OcsfRecord {\n\n");

        Component classUid = find(components, "class_uid");
        Component categoryUid = find(components, "category_uid");
        Component typeUid = find(components, "type_uid");
        Component activityId = find(components, "activity_id");
        if (isClass) {
            body.append("    /** The OCSF class_uid of ").append(JavadocText.escape(e.caption())).append(". */\n");
            body.append("    public static final int CLASS_UID = ").append(e.classUid()).append(";\n\n");
            body.append("    /** The OCSF category_uid of ").append(JavadocText.escape(e.caption())).append(" (")
                    .append(JavadocText.escape(e.categoryName())).append("). */\n");
            body.append("    public static final int CATEGORY_UID = ").append(e.categoryUid()).append(";\n\n");
            body.append("    /** The OCSF class name. */\n");
            body.append("    public static final String CLASS_NAME = \"").append(e.name()).append("\";\n\n");
        }
        body.append("    /** Returns an empty builder").append(isClass ? " with class_uid and category_uid preset" : "")
                .append(". */\n");
        body.append("    public static Builder builder() {\n        return new Builder();\n    }\n\n");
        body.append("    /** Returns a builder holding this record's values. */\n");
        body.append("    public Builder toBuilder() {\n        Builder b = new Builder();\n");
        for (Component c : components) {
            body.append("        b.").append(c.javaName()).append(" = ").append(c.javaName()).append(";\n");
        }
        body.append("        return b;\n    }\n\n");

        emitToJson(body, e, components);

        body.append("    /** Fluent builder for {@link ").append(name).append("}. */\n");
        body.append("    public static final class Builder {\n");
        for (Component c : components) {
            body.append("        private ").append(c.javaType()).append(' ').append(c.javaName()).append(";\n");
        }
        body.append("\n        private Builder() {\n");
        if (isClass && classUid != null && "Integer".equals(classUid.javaType())) {
            body.append("            ").append(classUid.javaName()).append(" = CLASS_UID;\n");
        }
        if (isClass && categoryUid != null && "Integer".equals(categoryUid.javaType())) {
            body.append("            ").append(categoryUid.javaName()).append(" = CATEGORY_UID;\n");
        }
        body.append("        }\n\n");
        for (Component c : components) {
            body.append("        public Builder ").append(c.javaName()).append('(').append(c.javaType()).append(' ')
                    .append(c.javaName()).append(") { this.").append(c.javaName()).append(" = ")
                    .append(c.javaName()).append("; return this; }\n");
        }
        boolean computeTypeUid = isClass && typeUid != null && classUid != null && activityId != null
                && "Long".equals(typeUid.javaType()) && "Integer".equals(classUid.javaType())
                && !activityId.attribute().isArray();
        body.append("\n        /** Builds the record");
        body.append(computeTypeUid ? "; an unset type_uid is computed as class_uid * 100 + activity_id" : "");
        body.append(". */\n        public ").append(name).append(" build() {\n");
        if (computeTypeUid) {
            String act = activityId.javaType().equals("Integer")
                    ? activityId.javaName()
                    : activityId.javaName() + ".value()";
            body.append("            Long ").append(typeUid.javaName()).append(" = this.").append(typeUid.javaName())
                    .append(";\n");
            body.append("            if (").append(typeUid.javaName()).append(" == null && ")
                    .append(classUid.javaName()).append(" != null && ").append(activityId.javaName())
                    .append(" != null) {\n");
            body.append("                ").append(typeUid.javaName()).append(" = ").append(classUid.javaName())
                    .append(" * 100L + ").append(act).append(";\n            }\n");
        }
        body.append("            return new ").append(name).append('(');
        body.append(components.stream().map(Component::javaName).collect(Collectors.joining(", ")));
        body.append(");\n        }\n    }\n}\n");

        return banner + "package " + pkg + ";\n\n" + imports.render() + body;
    }

    private static Component find(List<Component> components, String attribute) {
        for (Component c : components) {
            if (c.attribute().name().equals(attribute)) {
                return c;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- enums

    private String emitEnum(EnumSpec e) {
        String where = e.owner() == null ? "the dictionary attribute {@code " + e.attribute() + "}"
                : "{@code " + e.attribute() + "} as defined by " + e.owner().replaceFirst(" (.*)", " {@code $1}");
        List<String> constants = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (EnumValue v : e.values()) {
            long value = Long.parseLong(v.key());
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new IllegalStateException(e.name() + " value " + value + " does not fit an int");
            }
            String c = Names.constant(v.caption());
            if (!used.add(c)) {
                c = c + "_" + v.key().replace('-', 'M');
                used.add(c);
            }
            constants.add(c);
        }
        String expected = e.values().stream().map(EnumValue::key).collect(Collectors.joining(","));

        StringBuilder sb = new StringBuilder();
        sb.append(banner).append("package ").append(ENUMS_PACKAGE).append(";\n\n");
        sb.append("import com.fasterxml.jackson.annotation.JsonCreator;\n");
        sb.append("import com.fasterxml.jackson.annotation.JsonValue;\n\n");
        sb.append("/**\n * ").append(JavadocText.summary(e.caption(), e.description())).append("\n *\n");
        sb.append(" * <p>The values of ").append(where).append(". Unknown integers are rejected, see the\n");
        sb.append(" * {@linkplain io.protect.ocsf.model.enums package documentation}.\n */\n");
        sb.append("public enum ").append(e.name()).append(" {\n");
        for (int i = 0; i < constants.size(); i++) {
            EnumValue v = e.values().get(i);
            sb.append("    /** ").append(JavadocText.summary(v.caption(), v.description())).append(" */\n");
            sb.append("    ").append(constants.get(i)).append('(').append(v.key()).append(", \"")
                    .append(javaString(v.caption())).append("\")").append(i < constants.size() - 1 ? ",\n" : ";\n");
        }
        sb.append("\n    private final int value;\n    private final String caption;\n\n");
        sb.append("    ").append(e.name()).append("(int value, String caption) {\n");
        sb.append("        this.value = value;\n        this.caption = caption;\n    }\n\n");
        sb.append("    /** The OCSF integer value, as serialised. */\n");
        sb.append("    @JsonValue\n    public int value() {\n        return value;\n    }\n\n");
        sb.append("    /** The schema caption of this value. */\n");
        sb.append("    public String caption() {\n        return caption;\n    }\n\n");
        sb.append("    /** Returns the constant for an OCSF integer value; rejects values the schema does not define. */\n");
        sb.append("    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)\n");
        sb.append("    public static ").append(e.name()).append(" of(int value) {\n");
        sb.append("        return switch (value) {\n");
        for (int i = 0; i < constants.size(); i++) {
            sb.append("            case ").append(e.values().get(i).key()).append(" -> ").append(constants.get(i))
                    .append(";\n");
        }
        sb.append("            default -> throw new IllegalArgumentException(\n");
        sb.append("                    value + \" is not a valid ").append(e.attribute()).append(" (expected one of ")
                .append(expected).append(")\");\n");
        sb.append("        };\n    }\n}\n");
        return sb.toString();
    }

    static String javaString(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- JSON without reflection

    /**
     * {@code toJson()}: the record as the JSON object Jackson would write for it (snake_case names,
     * null attributes omitted), built directly, without reflection or an intermediate token buffer.
     */
    private void emitToJson(StringBuilder body, EntityDef owner, List<Component> components) {
        body.append("    @Override\n    public ObjectNode toJson() {\n");
        body.append("        ObjectNode json = OcsfJson.object();\n");
        for (Component c : components) {
            AttributeDef a = c.attribute();
            String value = c.javaName();
            String node = a.isArray()
                    ? "OcsfJson.array(" + value + ", " + elementFunction(owner, a) + ")"
                    : elementNode(owner, a, value);
            body.append("        if (").append(value).append(" != null) {\n            json.set(\"")
                    .append(a.name()).append("\", ").append(node).append(");\n        }\n");
        }
        body.append("        return json;\n    }\n\n");
    }

    /** Expression for one non-null value of the attribute's element type as a JsonNode. */
    private String elementNode(EntityDef owner, AttributeDef a, String value) {
        if (a.isObject()) {
            return isOpenObject(a.objectType()) ? value : value + ".toJson()";
        }
        if (enumOfAttribute.containsKey(attributeKey(owner, a.name()))) {
            return "OcsfJson.number(" + value + ".value())";
        }
        return switch (schema.types().get(a.type()).base()) {
            case "string_t" -> "OcsfJson.text(" + value + ")";
            case "integer_t", "long_t", "float_t" -> "OcsfJson.number(" + value + ")";
            case "boolean_t" -> "OcsfJson.bool(" + value + ")";
            case "json_t" -> value;
            default -> throw new IllegalStateException("no JSON for " + a.type());
        };
    }

    private String elementFunction(EntityDef owner, AttributeDef a) {
        return "v -> " + elementNode(owner, a, "v");
    }

    private String emitRecordInterface() {
        return banner + "package " + BASE_PACKAGE + ";\n\n"
                + "import com.fasterxml.jackson.databind.node.ObjectNode;\n\n"
                + "/** A generated OCSF record: an event class or an object. */\n"
                + "public interface OcsfRecord {\n\n"
                + "    /**\n"
                + "     * This record as OCSF JSON: the same object Jackson writes for it (snake_case names, null\n"
                + "     * attributes omitted), built directly from the components, without reflection.\n"
                + "     */\n"
                + "    ObjectNode toJson();\n"
                + "}\n";
    }

    private String emitJsonHelper() {
        return banner + "package " + BASE_PACKAGE + ";\n\n"
                + "import com.fasterxml.jackson.databind.JsonNode;\n"
                + "import com.fasterxml.jackson.databind.node.ArrayNode;\n"
                + "import com.fasterxml.jackson.databind.node.JsonNodeFactory;\n"
                + "import com.fasterxml.jackson.databind.node.ObjectNode;\n"
                + "import java.util.List;\n"
                + "import java.util.function.Function;\n\n"
                + "/** The node factory calls of the generated {@code toJson()} methods. */\n"
                + "public final class OcsfJson {\n\n"
                + "    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;\n\n"
                + "    private OcsfJson() {}\n\n"
                + "    public static ObjectNode object() {\n        return NODES.objectNode();\n    }\n\n"
                + "    public static JsonNode text(String value) {\n        return NODES.textNode(value);\n    }\n\n"
                + "    public static JsonNode number(int value) {\n        return NODES.numberNode(value);\n    }\n\n"
                + "    public static JsonNode number(long value) {\n        return NODES.numberNode(value);\n    }\n\n"
                + "    public static JsonNode number(double value) {\n        return NODES.numberNode(value);\n    }\n\n"
                + "    public static JsonNode bool(boolean value) {\n        return NODES.booleanNode(value);\n    }\n\n"
                + "    /** A list as a JSON array; a null element is written as JSON null, as Jackson does. */\n"
                + "    public static <T> ArrayNode array(List<T> values, Function<T, JsonNode> element) {\n"
                + "        ArrayNode array = NODES.arrayNode(values.size());\n"
                + "        for (T v : values) {\n"
                + "            array.add(v == null ? NODES.nullNode() : element.apply(v));\n"
                + "        }\n"
                + "        return array;\n"
                + "    }\n"
                + "}\n";
    }

    // ---------------------------------------------------------------- schema constants

    private String emitSchemaConstants() {
        StringBuilder sb = new StringBuilder();
        sb.append(banner).append("package ").append(BASE_PACKAGE).append(";\n\n");
        sb.append("/** Facts about the generated OCSF model: schema version, resolved-schema resource, event classes. */\n");
        sb.append("public final class OcsfSchema {\n\n");
        sb.append("    /** The OCSF schema version this model was generated from. */\n");
        sb.append("    public static final String VERSION = \"").append(schema.version()).append("\";\n\n");
        sb.append("    /** Classpath location of the compact resolved schema that the validator reads. */\n");
        sb.append("    public static final String RESOLVED_SCHEMA_RESOURCE = \"/")
                .append(OcsfCodegen.resourcePath(schema.version())).append("\";\n\n");
        sb.append("    private OcsfSchema() {}\n\n");
        sb.append("    /** Returns the generated record for an event class_uid, or null if the schema has none. */\n");
        sb.append("    public static Class<? extends Record> eventClass(int classUid) {\n");
        sb.append("        return switch (classUid) {\n");
        List<EntityDef> classes = new ArrayList<>(schema.classes().values());
        classes.sort((a, b) -> Integer.compare(a.classUid(), b.classUid()));
        for (EntityDef c : classes) {
            sb.append("            case ").append(c.classUid()).append(" -> ").append(EVENTS_PACKAGE).append('.')
                    .append(recordName(c)).append(".class;\n");
        }
        sb.append("            default -> null;\n        };\n    }\n}\n");
        return sb.toString();
    }
}
