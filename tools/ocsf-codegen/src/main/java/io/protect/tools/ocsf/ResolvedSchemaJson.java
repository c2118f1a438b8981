package io.protect.tools.ocsf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.tools.ocsf.ResolvedSchema.AttributeDef;
import io.protect.tools.ocsf.ResolvedSchema.EntityDef;
import io.protect.tools.ocsf.ResolvedSchema.EnumValue;
import io.protect.tools.ocsf.ResolvedSchema.TypeDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the compact resolved-schema resource the run-time validator loads: no descriptions,
 * defaults omitted, one attribute per line so regenerations diff readably.
 */
final class ResolvedSchemaJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResolvedSchemaJson() {}

    static String write(ResolvedSchema schema, String generatedNote) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("\"_generated\": ").append(json(F.textNode(generatedNote))).append(",\n");
        sb.append("\"version\": ").append(json(F.textNode(schema.version()))).append(",\n");
        ArrayNode profiles = F.arrayNode();
        schema.profiles().forEach(profiles::add);
        sb.append("\"profiles\": ").append(json(profiles)).append(",\n");

        sb.append("\"types\": {");
        List<String> lines = new ArrayList<>();
        for (TypeDef t : schema.types().values()) {
            ObjectNode n = F.objectNode();
            n.put("base", t.base());
            if (t.regex() != null) {
                n.put("regex", t.regex());
            }
            if (t.range() != null) {
                n.set("range", t.range());
            }
            if (t.maxLen() != null) {
                n.put("max_len", t.maxLen());
            }
            if (t.values() != null) {
                n.set("values", t.values());
            }
            lines.add("\n  " + json(F.textNode(t.name())) + ": " + json(n));
        }
        sb.append(String.join(",", lines)).append("\n},\n");

        sb.append("\"objects\": {");
        lines = new ArrayList<>();
        for (EntityDef o : schema.objects().values()) {
            lines.add("\n" + entity(schema, o, false));
        }
        sb.append(String.join(",", lines)).append("\n},\n");

        sb.append("\"classes\": {");
        lines = new ArrayList<>();
        List<EntityDef> classes = new ArrayList<>(schema.classes().values());
        classes.sort((a, b) -> Integer.compare(a.classUid(), b.classUid()));
        for (EntityDef c : classes) {
            lines.add("\n" + entity(schema, c, true));
        }
        sb.append(String.join(",", lines)).append("\n}\n}\n");
        return sb.toString();
    }

    private static String entity(ResolvedSchema schema, EntityDef e, boolean isClass) {
        StringBuilder sb = new StringBuilder();
        String key = isClass ? Integer.toString(e.classUid()) : e.name();
        sb.append("  ").append(json(F.textNode(key))).append(": {");
        if (isClass) {
            sb.append("\"name\": ").append(json(F.textNode(e.name())))
                    .append(", \"caption\": ").append(json(F.textNode(e.caption())))
                    .append(", \"category_uid\": ").append(e.categoryUid()).append(", ");
        } else {
            sb.append("\"caption\": ").append(json(F.textNode(e.caption()))).append(", ");
        }
        ArrayNode profiles = F.arrayNode();
        e.profiles().forEach(profiles::add);
        sb.append("\"profiles\": ").append(json(profiles));
        if (!e.constraints().isEmpty()) {
            ObjectNode c = F.objectNode();
            for (Map.Entry<String, List<String>> en : e.constraints().entrySet()) {
                ArrayNode arr = c.putArray(en.getKey());
                en.getValue().forEach(arr::add);
            }
            sb.append(", \"constraints\": ").append(json(c));
        }
        sb.append(", \"attributes\": {");
        List<String> attrs = new ArrayList<>();
        for (AttributeDef a : e.attributes().values()) {
            attrs.add("\n    " + json(F.textNode(a.name())) + ": " + json(attribute(schema, a)));
        }
        sb.append(String.join(",", attrs)).append(attrs.isEmpty() ? "}}" : "\n  }}");
        return sb.toString();
    }

    static ObjectNode attribute(ResolvedSchema schema, AttributeDef a) {
        ObjectNode n = F.objectNode();
        n.put("type", a.type());
        if (a.objectType() != null) {
            n.put("object_type", a.objectType());
        }
        if (a.isArray()) {
            n.put("is_array", true);
        }
        if (!"optional".equals(a.requirement())) {
            n.put("requirement", a.requirement());
        }
        if (!a.enumValues().isEmpty()) {
            ArrayNode arr = n.putArray("enum");
            String base = a.isObject() ? a.type() : schema.types().get(a.type()).base();
            boolean numeric = base.equals("integer_t") || base.equals("long_t");
            for (EnumValue v : a.enumValues()) {
                if (numeric) {
                    arr.add(Long.parseLong(v.key()));
                } else {
                    arr.add(v.key());
                }
            }
        }
        if (a.profile() != null) {
            n.put("profile", a.profile());
        }
        return n;
    }

    private static String json(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
