package io.protect.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build's schema compatibility check: every shipped schema family evolves legally, and each
 * kind of illegal change is caught. Pure, no I/O beyond the classpath.
 */
class SchemaCompatibilityTest {

    private static final String V1 = """
            {"type":"object","additionalProperties":false,"required":["a"],
             "properties":{"a":{"type":"string"},"n":{"type":"object","required":["x"],
               "properties":{"x":{"type":"integer"}}}}}""";

    private static Map<SchemaVersion, JsonNode> family(String... versionAndSchema) {
        Map<SchemaVersion, JsonNode> family = new LinkedHashMap<>();
        for (int i = 0; i < versionAndSchema.length; i += 2) {
            family.put(SchemaVersion.parse(versionAndSchema[i]), Json.parse(versionAndSchema[i + 1]));
        }
        return family;
    }

    @Test
    void everyShippedSchemaFamilyEvolvesLegally() {
        EventSchemaRegistry registry = EventSchemaRegistry.defaultRegistry();
        for (String type : registry.eventTypes()) {
            Map<SchemaVersion, JsonNode> family = new LinkedHashMap<>();
            for (SchemaVersion v : registry.versions(type)) {
                family.put(v, registry.schema(type, v).orElseThrow());
            }
            assertEquals(List.of(), SchemaCompatibility.checkFamily(type, family));
        }
    }

    @Test
    void aMinorMayAddAnOptionalProperty() {
        String v11 = V1.replace("\"a\":{\"type\":\"string\"},", "\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"boolean\"},");
        assertEquals(List.of(), SchemaCompatibility.checkFamily("T", family("1.0.0", V1, "1.1.0", v11)));
    }

    @Test
    void aMinorMayNotAddARequiredProperty() {
        String v11 = V1.replace("\"a\":{\"type\":\"string\"},", "\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"boolean\"},")
                .replace("\"required\":[\"a\"]", "\"required\":[\"a\",\"b\"]");
        List<String> v = SchemaCompatibility.checkFamily("T", family("1.0.0", V1, "1.1.0", v11));
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).contains("'required' changed"), v.toString());
    }

    @Test
    void aMinorMayNotRemoveOrRetypeAProperty() {
        String removed = V1.replace("\"a\":{\"type\":\"string\"},", "");
        assertTrue(SchemaCompatibility.checkFamily("T", family("1.0.0", V1, "1.1.0", removed)).stream()
                .anyMatch(s -> s.contains("property /a was removed")));
        String retyped = V1.replace("\"a\":{\"type\":\"string\"}", "\"a\":{\"type\":\"integer\"}");
        assertEquals(List.of("T 1.0.0 -> 1.1.0: property /a changed its definition (breaking: needs a new major version)"),
                SchemaCompatibility.checkFamily("T", family("1.0.0", V1, "1.1.0", retyped)));
    }

    @Test
    void nestedObjectsAreCheckedToo() {
        String nested = V1.replace("\"x\":{\"type\":\"integer\"}", "\"x\":{\"type\":\"string\"}");
        assertEquals(List.of("T 1.0.0 -> 1.1.0: property /n/x changed its definition (breaking: needs a new major version)"),
                SchemaCompatibility.checkFamily("T", family("1.0.0", V1, "1.1.0", nested)));
    }

    @Test
    void aPatchMayNotAddAProperty() {
        String v101 = V1.replace("\"a\":{\"type\":\"string\"},", "\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"boolean\"},");
        List<String> v = SchemaCompatibility.checkFamily("T", family("1.0.0", V1, "1.0.1", v101));
        assertEquals(List.of("T 1.0.0 -> 1.0.1: property /b was added in a patch version (needs a minor version)"), v);
    }

    @Test
    void descriptionsMayChangeInAPatch() {
        String v101 = V1.replace("\"a\":{\"type\":\"string\"}", "\"a\":{\"type\":\"string\",\"description\":\"now documented\"}");
        assertEquals(List.of(), SchemaCompatibility.checkFamily("T", family("1.0.0", V1, "1.0.1", v101)));
    }

    @Test
    void aBreakingChangeIsLegalInANewMajorOnlyIfTheOldMajorIsKept() {
        String v2 = V1.replace("\"a\":{\"type\":\"string\"}", "\"a\":{\"type\":\"integer\"}");
        assertEquals(List.of(), SchemaCompatibility.checkFamily("T", family("1.0.0", V1, "2.0.0", v2)));
        List<String> dropped = SchemaCompatibility.checkFamily("T", family("2.0.0", v2));
        assertEquals(List.of("T: major 1 is missing; earlier majors must be kept beside newer ones"), dropped);
    }

    @Test
    void aMajorStartsAtZeroMinor() {
        List<String> v = SchemaCompatibility.checkFamily("T", family("1.0.0", V1, "2.1.0", V1));
        assertEquals(List.of("T 2.1.0: a major version must start at 2.0.0"), v);
    }
}
