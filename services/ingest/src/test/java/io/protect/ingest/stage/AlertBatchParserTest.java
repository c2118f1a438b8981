package io.protect.ingest.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request body parser on its own. Pure. */
class AlertBatchParserTest {

    private final AlertBatchParser parser = new AlertBatchParser(100, 3);

    private List<AlertBatchParser.Located> json(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), false);
    }

    private List<AlertBatchParser.Located> ndjson(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), true);
    }

    @Test
    void oneObjectArrayAndNdjsonAllWork() {
        assertEquals(1, json("{\"a\":1}").size());
        List<AlertBatchParser.Located> array = json("[{\"a\":1},{\"a\":2}]");
        assertEquals(List.of(0, 1), array.stream().map(AlertBatchParser.Located::index).toList());
        List<AlertBatchParser.Located> lines = ndjson("{\"a\":1}\n\n  \r\n{\"a\":2}\r\n");
        assertEquals(List.of(1, 4), lines.stream().map(AlertBatchParser.Located::line).toList());
        assertEquals(2, lines.get(1).alert().get("a").asInt());
    }

    @Test
    void aBadArrayElementIsNamedByIndex() {
        var e = assertThrows(AlertBatchParser.BadBatch.class, () -> json("[{\"a\":1},\"x\",{\"a\":3}]"));
        assertEquals(400, e.status());
        assertEquals(1, e.index());
        assertNull(e.line());
        assertEquals("element 1 is a string, not a JSON object", e.getMessage());
        var malformed = assertThrows(AlertBatchParser.BadBatch.class, () -> json("[{\"a\":1},{\"a\":}]"));
        assertEquals(1, malformed.index());
    }

    @Test
    void aBadNdjsonLineIsNamedByLineNumber() {
        var e = assertThrows(AlertBatchParser.BadBatch.class, () -> ndjson("{\"a\":1}\n{\"a\":2\n{\"a\":3}"));
        assertEquals(400, e.status());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("line 2 is malformed JSON"), e.getMessage());
        assertEquals(3, assertThrows(AlertBatchParser.BadBatch.class, () -> ndjson("{}\n{}\n[1]")).line());
    }

    @Test
    void limitsGive413() {
        String big = "{\"a\":\"" + "x".repeat(120) + "\"}";
        var tooBig = assertThrows(AlertBatchParser.BadBatch.class, () -> json("[{\"a\":1}," + big + "]"));
        assertEquals(413, tooBig.status());
        assertEquals(1, tooBig.index());
        assertEquals(413, assertThrows(AlertBatchParser.BadBatch.class, () -> ndjson("{}\n" + big)).status());
        var tooMany = assertThrows(AlertBatchParser.BadBatch.class, () -> json("[{},{},{},{}]"));
        assertEquals(413, tooMany.status());
        assertEquals(3, tooMany.index());
    }

    @Test
    void emptyScalarsAndTrailingGarbageAreRefused() {
        assertEquals(400, assertThrows(AlertBatchParser.BadBatch.class, () -> json("")).status());
        assertEquals(400, assertThrows(AlertBatchParser.BadBatch.class, () -> json("42")).status());
        assertEquals(400, assertThrows(AlertBatchParser.BadBatch.class, () -> json("{} {}")).status());
        assertEquals(400, assertThrows(AlertBatchParser.BadBatch.class, () -> ndjson("\n\n")).status());
    }
}
