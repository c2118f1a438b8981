package io.protect.model.ocsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event of the community's OCSF examples (valid against 1.8.0, see SOURCES.md) must pass. */
class OcsfExamplesTest {

    static Stream<Arguments> examples() {
        List<String> lines = OcsfFixtures.exampleLines();
        return IntStream.range(0, lines.size()).mapToObj(i -> Arguments.of(
                "line " + (i + 1) + " class_uid " + OcsfFixtures.parse(lines.get(i)).path("class_uid").asText(),
                lines.get(i)));
    }

    @Test
    void theExamplesFileHoldsAll43Events() {
        assertEquals(43, OcsfFixtures.exampleLines().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleIsValid(String label, String json) {
        ValidationResult result = OcsfValidator.instance().validate(json);
        assertTrue(result.valid(), () -> label + ":\n" + result);
    }
}
