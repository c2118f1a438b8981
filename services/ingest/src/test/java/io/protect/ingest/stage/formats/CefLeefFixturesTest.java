package io.protect.ingest.stage.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * normalize's CEF/LEEF mapper tests read the samples as parsed here (normalize does not depend on
 * ingest): this test keeps those copies, {@code services/normalize/src/test/resources/samples/<cef|leef>/parsed.ndjson},
 * equal to what the parsers produce now. Regenerate them with {@code -Dprotect.writeParsedSamples=true}.
 */
class CefLeefFixturesTest {

    /** normalize's test resources, relative to this module's directory (surefire's working directory). */
    private static final Path NORMALIZE_SAMPLES = Path.of("..", "normalize", "src", "test", "resources", "samples");

    @Test
    void cefFixtureIsCurrent() throws IOException {
        check("cef", CefLeefSamples.validCef(), CefParser::parse);
    }

    @Test
    void leefFixtureIsCurrent() throws IOException {
        check("leef", CefLeefSamples.leef(), LeefParser::parse);
    }

    private static void check(String source, List<CefLeefSamples.Line> lines, Function<String, ObjectNode> parser)
            throws IOException {
        StringBuilder expected = new StringBuilder();
        for (CefLeefSamples.Line l : lines) {
            ObjectNode row = Json.MAPPER.createObjectNode();
            row.put("file", l.file());
            row.put("line", l.line());
            row.set("event", parser.apply(l.text()));
            expected.append(Json.MAPPER.writeValueAsString(row)).append('\n');
        }
        Path fixture = NORMALIZE_SAMPLES.resolve(source).resolve("parsed.ndjson");
        if (Boolean.getBoolean("protect.writeParsedSamples")) {
            Files.writeString(fixture, expected.toString(), StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(fixture), () -> fixture + " is missing: run with -Dprotect.writeParsedSamples=true");
        assertEquals(expected.toString(), Files.readString(fixture, StandardCharsets.UTF_8),
                () -> fixture + " is stale: run with -Dprotect.writeParsedSamples=true");
    }
}
