package io.protect.model.ocsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.protect.ocsf.model.OcsfRecord;
import io.protect.ocsf.model.OcsfSchema;
import io.protect.ocsf.model.enums.DetectionFindingActivityId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.events.DetectionFinding;
import io.protect.ocsf.model.objects.FindingInfo;
import io.protect.ocsf.model.objects.Metadata;
import io.protect.ocsf.model.objects.Product;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated records bind real OCSF events losslessly, which proves they match the schema. */
class OcsfRecordRoundTripTest {

    private static final OcsfValidator VALIDATOR = OcsfValidator.instance();

    @Test
    void detectionFindingExampleRoundTripsThroughItsRecord() throws JsonProcessingException {
        String line = OcsfFixtures.exampleLines().stream()
                .filter(l -> OcsfFixtures.parse(l).path("class_uid").asInt() == DetectionFinding.CLASS_UID)
                .findFirst().orElseThrow();

        DetectionFinding finding = OcsfFixtures.MAPPER.readValue(line, DetectionFinding.class);
        String written = OcsfFixtures.MAPPER.writeValueAsString(finding);

        assertEquals(SeverityId.class, finding.severityId().getClass());
        assertEquals(DetectionFindingActivityId.CREATE, finding.activityId());
        assertSameExceptDroppedNulls(OcsfFixtures.parse(line), OcsfFixtures.parse(written), "detection finding");
        assertTrue(VALIDATOR.validate(written).valid(), () -> VALIDATOR.validate(written).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.protect.model.ocsf.OcsfExamplesTest#examples")
    void everyExampleRoundTripsThroughTheRecordOfItsClass(String label, String json) throws JsonProcessingException {
        JsonNode original = OcsfFixtures.parse(json);
        Class<? extends Record> type = OcsfSchema.eventClass(original.path("class_uid").asInt());
        assertNotNull(type, label);

        Record bound = OcsfFixtures.MAPPER.readValue(json, type);
        String written = OcsfFixtures.MAPPER.writeValueAsString(bound);

        assertSameExceptDroppedNulls(original, OcsfFixtures.parse(written), label);
        assertTrue(VALIDATOR.validate(written).valid(), label);
        // The generated toJson() writes exactly what Jackson writes, without reflection.
        assertEquals(written, OcsfFixtures.MAPPER.writeValueAsString(((OcsfRecord) bound).toJson()), label);
    }

    /**
     * Asserts {@code written} equals {@code original} except that an explicit null in the original
     * may be absent: the records omit null attributes, and OCSF treats an explicit null like an
     * absent attribute. (Nulls inside json_t values such as {@code unmapped} are kept verbatim.)
     */
    static void assertSameExceptDroppedNulls(JsonNode original, JsonNode written, String where) {
        String difference = difference(original, written, "");
        if (difference != null) {
            fail(where + ": round trip changed " + difference);
        }
    }

    private static String difference(JsonNode original, JsonNode written, String path) {
        if (original.isObject() && written.isObject()) {
            for (Iterator<String> it = written.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!original.has(k)) {
                    return path + "/" + k + " (added)";
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode w = written.get(e.getKey());
                if (w == null) {
                    if (!e.getValue().isNull()) {
                        return path + "/" + e.getKey() + " (dropped)";
                    }
                } else {
                    String d = difference(e.getValue(), w, path + "/" + e.getKey());
                    if (d != null) {
                        return d;
                    }
                }
            }
            return null;
        }
        if (original.isArray() && written.isArray() && original.size() == written.size()) {
            for (int i = 0; i < original.size(); i++) {
                String d = difference(original.get(i), written.get(i), path + "/" + i);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return original.equals(written) ? null : path + " (" + original + " became " + written + ")";
    }

    @Test
    void theRoundTripComparisonForgivesOnlyDroppedNulls() {
        JsonNode original = OcsfFixtures.parse("{\"a\":null,\"b\":[{\"c\":null,\"d\":1}]}");
        assertSameExceptDroppedNulls(original, OcsfFixtures.parse("{\"b\":[{\"d\":1}]}"), "nulls");
        assertSameExceptDroppedNulls(original, original, "identity");
        assertEquals("/b/0/d (1 became 2)",
                difference(original, OcsfFixtures.parse("{\"b\":[{\"d\":2}]}"), ""));
        assertEquals("/b/0/d (dropped)", difference(original, OcsfFixtures.parse("{\"b\":[{}]}"), ""));
        assertEquals("/e (added)", difference(original, OcsfFixtures.parse("{\"b\":[{\"d\":1}],\"e\":0}"), ""));
    }

    @Test
    void builtRecordSerialisesToAValidEvent() throws JsonProcessingException {
        DetectionFinding finding = DetectionFinding.builder()
                .activityId(DetectionFindingActivityId.CREATE)
                .severityId(SeverityId.HIGH)
                .time(1732291200000L)
                .metadata(Metadata.builder()
                        .version(OcsfSchema.VERSION)
                        .product(Product.builder().name("Protect EDR").vendorName("Protect").build())
                        .build())
                .findingInfo(FindingInfo.builder().uid("det-1").title("Test finding").build())
                .build();

        JsonNode json = OcsfFixtures.MAPPER.valueToTree(finding);

        assertEquals(2004, json.get("class_uid").asInt());
        assertEquals(2, json.get("category_uid").asInt());
        assertEquals(200401L, json.get("type_uid").asLong());
        assertEquals(4, json.get("severity_id").asInt());
        assertTrue(VALIDATOR.validate(json).valid(), () -> VALIDATOR.validate(json).toString());
    }

    @Test
    void recordsRejectUnknownAttributesAndUnknownEnumValues() {
        String base = OcsfFixtures.event("detection-finding-2004.json").toString();

        assertThrows(UnrecognizedPropertyException.class, () -> OcsfFixtures.MAPPER.readValue(
                base.replace("\"severity_id\":4", "\"severity_id\":4,\"colour\":\"red\""), DetectionFinding.class));
        assertThrows(ValueInstantiationException.class, () -> OcsfFixtures.MAPPER.readValue(
                base.replace("\"severity_id\":4", "\"severity_id\":42"), DetectionFinding.class));
        assertEquals(List.of(), VALIDATOR.validate(base).violations());
    }
}
