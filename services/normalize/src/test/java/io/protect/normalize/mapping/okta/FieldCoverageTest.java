package io.protect.normalize.mapping.okta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.json.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generic "no field lost" check catches what it must. Pure. */
class FieldCoverageTest {

    private static final JsonNode SOURCE = Json.parse("""
            {"a": "alpha", "n": {"b": 7, "c": [1, "two"]}, "t": "2024-01-02 03:04:05", "z": null, "e": {}, "flag": "Yes"}
            """);

    @Test
    void everyLeafMappedOrUnmappedPasses() {
        JsonNode ocsf = Json.parse("""
                {"message": "alpha", "count": 7, "time": 1704164645000, "raw_data": "ignored",
                 "unmapped": {"n": {"c": [1, "two"]}}}
                """);
        assertEquals(List.of("flag=\"Yes\""), FieldCoverage.lost(SOURCE, ocsf, Set.of()));
        assertEquals(List.of(), FieldCoverage.lost(SOURCE, ocsf, Set.of("flag")));
    }

    @Test
    void aLeafFoundOnlyInRawDataOrAtAnotherUnmappedPathIsLost() {
        JsonNode ocsf = Json.parse("""
                {"raw_data": "alpha 7 two", "unmapped": {"x": {"c": [1, "two"]}, "t": "2024-01-02 03:04:05"}}
                """);
        assertEquals(List.of("a=\"alpha\"", "n.b=7", "n.c[0]=1", "n.c[1]=\"two\"", "flag=\"Yes\""),
                FieldCoverage.lost(SOURCE, ocsf, Set.of()));
    }
}
