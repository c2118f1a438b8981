package io.protect.model.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.json.Json;
import org.junit.jupiter.api.Test;

/** The AlertNormalized payload's JSON form. Faked: nothing. */
class AlertNormalizedTest {

    private static final JsonNode OCSF = Json.parse("{\"class_uid\":2004,\"severity_id\":3,\"time\":1700000000000}");

    @Test
    void toJsonIsWhatTheMapperWritesAndKeepsTheOcsfNode() {
        for (AlertNormalized a : new AlertNormalized[] {
            new AlertNormalized("suricata", "srv-1", "10.0.0.1", "1.8.0", OCSF),
            new AlertNormalized("cef", null, null, "1.8.0", OCSF)}) {
            assertEquals(Json.MAPPER.valueToTree(a), a.toJson());
            assertSame(OCSF, a.toJson().get("ocsf"), "the OCSF event is not copied");
        }
    }

    @Test
    void readsBackWhatItWrites() {
        AlertNormalized a = new AlertNormalized("suricata", "srv-1", "10.0.0.1", "1.8.0", OCSF);
        assertEquals(a, AlertNormalized.from(a.toJson()));
        assertThrows(IllegalArgumentException.class, () -> AlertNormalized.from(Json.parse("{\"ocsf\":[]}")));
    }
}
