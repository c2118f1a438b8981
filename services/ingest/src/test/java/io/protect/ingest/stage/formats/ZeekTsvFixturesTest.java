package io.protect.ingest.stage.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Normalize's Zeek corpus test reads the TSV samples as this parser's output (normalize does not
 * depend on ingest, and in production it receives the parsed JSON). This test keeps those fixtures
 * ({@code services/normalize/src/test/resources/samples/zeek/<file>.parsed.ndjson}) identical, text
 * for text, to what {@link ZeekTsvParser} produces now; run with {@code -DregenerateZeekFixtures=true}
 * to rewrite them. Real files, nothing faked.
 */
class ZeekTsvFixturesTest {

    static Stream<String> tsvFiles() {
        return ZeekSamples.FILES.stream().filter(f -> f.endsWith(".log"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tsvFiles")
    void normalizeFixturesAreTheParsersOutput(String file) throws Exception {
        List<ObjectNode> parsed = ZeekTsvParser.parse(ZeekSamples.text("/samples/zeek/" + file));
        String expected = parsed.stream().map(ObjectNode::toString).collect(Collectors.joining("\n", "", "\n"));
        // Surefire runs in the module directory: the sibling module is one level up.
        Path fixture = Path.of("..", "normalize", "src", "test", "resources", "samples", "zeek", file + ".parsed.ndjson");
        if (Boolean.getBoolean("regenerateZeekFixtures")) {
            Files.writeString(fixture, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(fixture), () -> "missing " + fixture);
        assertEquals(expected, Files.readString(fixture, StandardCharsets.UTF_8), file);
    }
}
