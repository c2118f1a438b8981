package io.protect.ingest.stage.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Normalize's Windows/Sysmon corpus tests read the EventLog XML samples as this parser's output
 * (normalize does not depend on ingest, and in production it receives the parsed JSON). This test
 * keeps those fixtures ({@code services/normalize/src/test/resources/samples/<source>/<file>.parsed.ndjson})
 * identical to what the parser produces now; run with {@code -DregenerateWindowsFixtures=true}
 * to rewrite them. Real files, nothing faked.
 */
class WindowsXmlFixturesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"windows,evtx-attack-samples-security.xml", "windows,ocsf-examples-security.xml",
            "sysmon,evtx-attack-samples-sysmon.xml"})
    void normalizeFixturesAreTheParsersOutput(String source, String file) throws Exception {
        List<ObjectNode> parsed = WindowsEventXmlParser.parseLines(WindowsSamples.read(source, file));
        String expected = parsed.stream().map(ObjectNode::toString).collect(Collectors.joining("\n", "", "\n"));
        // Surefire runs in the module directory: the sibling module is one level up.
        Path fixture = Path.of("..", "normalize", "src", "test", "resources", "samples", source, file + ".parsed.ndjson");
        if (Boolean.getBoolean("regenerateWindowsFixtures")) {
            Files.writeString(fixture, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(fixture), () -> "missing " + fixture);
        List<String> lines = Files.readAllLines(fixture, StandardCharsets.UTF_8);
        assertEquals(parsed.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(parsed.get(i), MAPPER.readTree(lines.get(i)), file + " line " + (i + 1));
        }
    }
}
