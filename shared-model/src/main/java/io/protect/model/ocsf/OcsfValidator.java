package io.protect.model.ocsf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protect.model.ocsf.CompiledSchema.AttrSpec;
import io.protect.model.ocsf.CompiledSchema.ClassSpec;
import io.protect.model.ocsf.CompiledSchema.EntitySpec;
import io.protect.model.ocsf.CompiledSchema.TypeSpec;
import io.protect.ocsf.model.OcsfSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates OCSF events (JSON) against the schema the model was generated from, with the
 * semantics of the official OCSF server's validator where the two agree.
 *
 * <p>Checks: the class is known; {@code category_uid} and {@code type_uid} agree with it;
 * required attributes are present, recursively through objects and arrays of objects; every value
 * has its dictionary type (including regex, range and max_len of the type; {@code ip_t} with a
 * strict literal parser); enum attributes hold a defined value; no attribute is unknown (except
 * inside {@code json_t} values and the open-ended {@code object} type, e.g. {@code unmapped});
 * {@code at_least_one} / {@code just_one} constraints hold; {@code metadata.profiles} names known
 * profiles.
 *
 * <p>Profiles: an attribute a profile contributes is allowed whenever the class (or object)
 * includes that profile, and is required only if the event lists the profile in
 * {@code metadata.profiles}. (The official validator is stricter: it rejects profile attributes
 * the event does not declare.)
 *
 * <p>Numbers: {@code integer_t} is a 32-bit and {@code long_t} / {@code timestamp_t} a 64-bit
 * integral JSON number, matching the generated records' {@code Integer} and {@code Long};
 * {@code float_t} accepts any JSON number.
 *
 * <p>Instances are immutable and thread-safe; the schema is loaded once per class loader.
 */
public final class OcsfValidator {

    private static final int MAX_SHOWN_VALUE = 120;

    /** Lazily loads the schema on first use and then never again. */
    private static final class Shared {
        static final CompiledSchema SCHEMA = CompiledSchema.load(OcsfSchema.RESOLVED_SCHEMA_RESOURCE);
        static final OcsfValidator INSTANCE = new OcsfValidator(SCHEMA);
    }

    /** Trailing content after the event is malformed input, not something to ignore. */
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final CompiledSchema schema;

    /** A validator over the shared, once-loaded schema; cheap to create. */
    public OcsfValidator() {
        this(Shared.SCHEMA);
    }

    private OcsfValidator(CompiledSchema schema) {
        this.schema = schema;
    }

    /** The shared validator. */
    public static OcsfValidator instance() {
        return Shared.INSTANCE;
    }

    /** The OCSF schema version events are validated against. */
    public String schemaVersion() {
        return schema.version;
    }

    /** Parses and validates an event; malformed JSON is reported as one violation at path {@code ""}. */
    public ValidationResult validate(String json) {
        JsonNode event;
        try {
            event = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return new ValidationResult(List.of(new Violation("", "malformed JSON: " + e.getOriginalMessage())));
        }
        if (event == null || event.isMissingNode()) {
            return new ValidationResult(List.of(new Violation("", "malformed JSON: no content")));
        }
        return validate(event);
    }

    /** Validates an event already parsed as a Jackson tree. */
    public ValidationResult validate(JsonNode event) {
        List<Violation> out = new ArrayList<>();
        if (event == null || !event.isObject()) {
            out.add(new Violation("", "an OCSF event must be a JSON object, got " + jsonType(event)));
            return new ValidationResult(out);
        }
        ClassSpec cls = classOf(event, out);
        if (cls == null) {
            return new ValidationResult(out);
        }
        Set<String> declared = declaredProfiles(event, out);
        checkCategory(event, cls, out);
        checkTypeUid(event, out);
        new Run(declared, out).entity(event, cls.entity(), "");
        return new ValidationResult(out);
    }

    // ---------------------------------------------------------------- class identity

    private ClassSpec classOf(JsonNode event, List<Violation> out) {
        JsonNode uid = event.get("class_uid");
        if (uid == null || uid.isNull()) {
            out.add(new Violation("/class_uid", "required attribute is missing"));
            return null;
        }
        if (!uid.isIntegralNumber() || !uid.canConvertToInt()) {
            out.add(new Violation("/class_uid", "expected integer_t, got " + jsonType(uid)));
            return null;
        }
        ClassSpec cls = schema.classes.get(uid.intValue());
        if (cls == null) {
            out.add(new Violation("/class_uid",
                    uid.intValue() + " is not a known class_uid in OCSF " + schema.version));
        }
        return cls;
    }

    private static void checkCategory(JsonNode event, ClassSpec cls, List<Violation> out) {
        JsonNode cat = event.get("category_uid");
        if (cat != null && cat.isIntegralNumber() && cat.asLong() != cls.categoryUid()) {
            out.add(new Violation("/category_uid", cat.asLong() + " does not match class_uid " + cls.classUid()
                    + ", which belongs to category_uid " + cls.categoryUid()));
        }
    }

    private static void checkTypeUid(JsonNode event, List<Violation> out) {
        JsonNode type = event.get("type_uid");
        JsonNode cls = event.get("class_uid");
        JsonNode activity = event.get("activity_id");
        if (type == null || activity == null || !type.isIntegralNumber() || !activity.isIntegralNumber()) {
            return; // absence and wrong types are reported by the attribute checks
        }
        long expected = cls.asLong() * 100 + activity.asLong();
        if (type.asLong() != expected) {
            out.add(new Violation("/type_uid", type.asLong() + " does not match class_uid " + cls.asLong()
                    + " * 100 + activity_id " + activity.asLong() + " = " + expected));
        }
    }

    private Set<String> declaredProfiles(JsonNode event, List<Violation> out) {
        Set<String> declared = new HashSet<>();
        JsonNode profiles = event.path("metadata").path("profiles");
        if (!profiles.isArray()) {
            return declared;
        }
        for (int i = 0; i < profiles.size(); i++) {
            JsonNode p = profiles.get(i);
            if (!p.isTextual()) {
                continue; // the type check of metadata.profiles reports it
            }
            if (schema.profiles.contains(p.asText())) {
                declared.add(p.asText());
            } else {
                out.add(new Violation("/metadata/profiles/" + i, show(p) + " is not a known profile (expected one of "
                        + schema.profilesText + ")"));
            }
        }
        return declared;
    }

    // ---------------------------------------------------------------- structure

    /** One validation pass: the event's declared profiles and the violations found so far. */
    private final class Run {
        private final Set<String> declared;
        private final List<Violation> out;

        Run(Set<String> declared, List<Violation> out) {
            this.declared = declared;
            this.out = out;
        }

        void entity(JsonNode node, EntitySpec spec, String path) {
            if (spec.open()) {
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String childPath = path + "/" + escape(e.getKey());
                AttrSpec attr = spec.attributes().get(e.getKey());
                if (attr == null) {
                    out.add(new Violation(childPath, "unknown attribute (not defined in " + spec.description() + ")"));
                } else if (!e.getValue().isNull()) {
                    attribute(e.getValue(), attr, childPath);
                }
            }
            for (AttrSpec attr : spec.required()) {
                if (attr.profile() != null && !declared.contains(attr.profile())) {
                    continue;
                }
                JsonNode v = node.get(attr.name());
                if (v == null || v.isNull()) {
                    out.add(new Violation(path + "/" + escape(attr.name()), "required attribute is missing"));
                }
            }
            for (Map.Entry<String, List<String>> c : spec.constraints().entrySet()) {
                constraint(node, spec, path, c.getKey(), c.getValue());
            }
        }

        private void constraint(JsonNode node, EntitySpec spec, String path, String kind, List<String> names) {
            int present = 0;
            for (String name : names) {
                if (present(node, name)) {
                    present++;
                }
            }
            String where = " (" + kind + " constraint of " + spec.description() + ")";
            switch (kind) {
                case "at_least_one" -> {
                    if (present == 0) {
                        out.add(new Violation(path, "at least one of " + String.join(", ", names)
                                + " must be present" + where));
                    }
                }
                case "just_one" -> {
                    if (present != 1) {
                        out.add(new Violation(path, "exactly one of " + String.join(", ", names)
                                + " must be present, found " + present + where));
                    }
                }
                default -> out.add(new Violation(path, "unsupported constraint" + where));
            }
        }

        void attribute(JsonNode value, AttrSpec attr, String path) {
            if (!attr.array()) {
                single(value, attr, path);
                return;
            }
            if (!value.isArray()) {
                out.add(new Violation(path, "expected an array of " + expected(attr) + ", got " + jsonType(value)));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                single(value.get(i), attr, path + "/" + i);
            }
        }

        private void single(JsonNode value, AttrSpec attr, String path) {
            if (attr.objectType() != null) {
                if (!value.isObject()) {
                    out.add(new Violation(path, "expected " + expected(attr) + ", got " + jsonType(value)));
                } else {
                    entity(value, schema.objects.get(attr.objectType()), path);
                }
                return;
            }
            TypeSpec type = attr.type();
            boolean typeOk = switch (type.base()) {
                case "string_t" -> value.isTextual() && string(value.textValue(), type, path);
                case "integer_t" -> integral(value, type, path, value.canConvertToInt(), "32-bit");
                case "long_t" -> integral(value, type, path, value.canConvertToLong(), "64-bit");
                case "float_t" -> value.isNumber() && range(value, type, path);
                case "boolean_t" -> value.isBoolean();
                case "json_t" -> true;
                default -> {
                    out.add(new Violation(path, "unsupported data type " + type.describe()));
                    yield true;
                }
            };
            if (!typeOk) {
                if (!value.isTextual() || !type.base().equals("string_t")) {
                    out.add(new Violation(path, "expected " + expected(attr) + ", got " + jsonType(value)));
                }
                return; // a string that broke a string rule has already been reported
            }
            enumeration(value, attr, path);
        }

        /** Type-specific string rules; reports and returns false when one fails. */
        private boolean string(String s, TypeSpec type, String path) {
            if (type.maxLen() != null) {
                int len = s.codePointCount(0, s.length());
                if (len > type.maxLen()) {
                    out.add(new Violation(path, "length " + len + " exceeds the " + type.name() + " max_len of "
                            + type.maxLen()));
                    return false;
                }
            }
            if (type.name().equals("ip_t")) {
                if (!IpAddresses.isIpAddress(s)) {
                    out.add(new Violation(path, show(s) + " is not a valid ip_t (an IPv4 or IPv6 address literal)"));
                    return false;
                }
            } else if (type.regex() != null && !type.regex().matcher(s).find()) {
                // find(), not matches(): like the OCSF server, a pattern without anchors may match anywhere.
                out.add(new Violation(path, show(s) + " is not a valid " + type.name() + " (does not match its pattern)"));
                return false;
            }
            return true;
        }

        private boolean integral(JsonNode value, TypeSpec type, String path, boolean fits, String width) {
            if (!value.isIntegralNumber()) {
                return false;
            }
            if (!fits) {
                out.add(new Violation(path, value.asText() + " is out of the " + width + " range of "
                        + type.describe()));
                return true; // reported; the value is still an integer so no type message
            }
            return range(value, type, path);
        }

        private boolean range(JsonNode value, TypeSpec type, String path) {
            if (type.min() != null) {
                double d = value.asDouble();
                if (d < type.min() || d > type.max()) {
                    out.add(new Violation(path, value.asText() + " is outside the " + type.name() + " range "
                            + plain(type.min()) + ".." + plain(type.max())));
                }
            }
            return true;
        }

        private void enumeration(JsonNode value, AttrSpec attr, String path) {
            boolean ok;
            if (attr.intEnum() != null) {
                ok = value.isIntegralNumber() && attr.intEnum().contains(value.asLong());
            } else if (attr.stringEnum() != null) {
                ok = value.isTextual() && attr.stringEnum().contains(value.textValue());
            } else {
                return;
            }
            if (!ok) {
                out.add(new Violation(path, show(value) + " is not a valid " + attr.name() + " (expected one of "
                        + attr.enumText() + ")"));
            }
        }
    }

    /** Whether {@code name}, possibly a dotted path such as {@code device.os.version}, is present. */
    private static boolean present(JsonNode node, String name) {
        JsonNode cur = node;
        int from = 0;
        while (true) {
            int dot = name.indexOf('.', from);
            String key = dot < 0 ? name.substring(from) : name.substring(from, dot);
            cur = cur.get(key);
            if (cur == null || cur.isNull()) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            from = dot + 1;
        }
    }

    // ---------------------------------------------------------------- messages

    private static String expected(AttrSpec attr) {
        if (attr.objectType() != null) {
            return "object " + attr.objectType();
        }
        if (attr.type().name().equals("timestamp_t")) {
            return "timestamp_t (integral epoch milliseconds)";
        }
        return attr.type().describe();
    }

    private static String jsonType(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isIntegralNumber()) {
            return "integer";
        }
        if (v.isNumber()) {
            return "float";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isArray()) {
            return "array";
        }
        return v.isObject() ? "object" : v.getNodeType().toString().toLowerCase();
    }

    private static String show(JsonNode v) {
        return v.isTextual() ? show(v.textValue()) : truncate(v.toString());
    }

    private static String show(String s) {
        return truncate('"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
    }

    private static String truncate(String s) {
        return s.length() <= MAX_SHOWN_VALUE ? s : s.substring(0, MAX_SHOWN_VALUE) + "...";
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** JSON pointer escaping (RFC 6901) of one reference token. */
    private static String escape(String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
            return key;
        }
        return key.replace("~", "~0").replace("/", "~1");
    }
}
