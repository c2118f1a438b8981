package io.protect.ingest.stage.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ZeekDetection on every real Zeek sample and on every JSON sample of the other sources; nothing faked. */
class ZeekDetectionTest {

    static Stream<ZeekSamples.Sample> zeek() {
        return ZeekSamples.all().stream();
    }

    @Test
    void theSamplesHoldEveryRecord() {
        assertEquals(257, ZeekSamples.all().size(), "SOURCES.md: 257 events in 25 files");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zeek")
    void everyZeekRecordMatchesAndItsLogTypeIsTold(ZeekSamples.Sample s) {
        assertTrue(ZeekDetection.matches(s.record()), s::toString);
        String type = ZeekDetection.logType(s.record());
        if (isBareConnectionTuple(s)) {
            // ocsf-examples kerberos has one record with only ts/uid/id.*: no field says kerberos.
            assertNull(type, s::toString);
        } else {
            assertEquals(s.logType(), type, s::toString);
        }
    }

    @Test
    void theLogTypeIsToldFromFieldsWithoutPathOrStream() {
        for (ZeekSamples.Sample s : ZeekSamples.all()) {
            JsonNode r = s.record().deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove(List.of("@stream", "@system", "@proc", "_path"));
            if (!isBareConnectionTuple(s)) {
                assertEquals(s.logType(), ZeekDetection.logType(r), s::toString);
            }
        }
    }

    @Test
    void pathAndStreamNameTheLogWhenPresent() {
        assertEquals("dhcp", ZeekDetection.logType(Json.parse("{\"ts\":1.0,\"_path\":\"dhcp\",\"uid\":\"Cabcdefghij\"}")));
        assertEquals("conn", ZeekDetection.logType(Json.parse("{\"ts\":1.0,\"@stream\":\"conn\"}")));
        assertTrue(ZeekDetection.matches(Json.parse("{\"ts\":1.0,\"_path\":\"dhcp\"}")));
    }

    @Test
    void nearMissesDoNotMatch() {
        assertFalse(ZeekDetection.matches(Json.parse("{\"ts\":\"2020-01-01T00:00:00Z\",\"uid\":\"CPNkcu1aY5i3SzaKt1\"}")),
                "ts must be epoch seconds");
        assertFalse(ZeekDetection.matches(Json.parse("{\"ts\":1.0,\"uid\":\"user-42\"}")), "uid is not a Zeek uid");
        assertFalse(ZeekDetection.matches(Json.parse("{\"uid\":\"CPNkcu1aY5i3SzaKt1\"}")), "no ts");
        assertFalse(ZeekDetection.matches(Json.parse("[1,2]")));
        assertFalse(ZeekDetection.matches(null));
    }

    static Stream<String> otherSourceRecords() throws IOException, URISyntaxException {
        Path root = Path.of(ZeekDetectionTest.class.getResource("/samples").toURI());
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith("zeek/") || !(rel.endsWith(".json") || rel.endsWith(".ndjson") || rel.endsWith(".jsonl"))) {
                    continue;
                }
                String text = Files.readString(p, StandardCharsets.UTF_8);
                List<JsonNode> records = new ArrayList<>();
                if (rel.endsWith(".json")) {
                    collect(Json.parse(text), records);
                } else {
                    // Json.parse reads only the first value of a text: NDJSON goes line by line.
                    for (String line : text.split("\n")) {
                        if (!line.isBlank()) {
                            collect(Json.parse(line), records);
                        }
                    }
                }
                for (int i = 0; i < records.size(); i++) {
                    out.add(rel + "#" + (i + 1) + " " + records.get(i));
                }
            }
        }
        return out.stream();
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isArray()) {
            n.forEach(e -> collect(e, out));
        } else if (n.isObject() && n.path("Records").isArray()) {
            n.get("Records").forEach(e -> collect(e, out));
        } else if (n.isObject()) {
            out.add(n);
        }
    }

    @Test
    void theSuricataSamplesAreAmongTheOtherSources() throws Exception {
        assertTrue(otherSourceRecords().anyMatch(r -> r.startsWith("suricata/")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherSourceRecords")
    void noRecordOfAnotherSourceMatches(String record) {
        JsonNode n = Json.parse(record.substring(record.indexOf(' ') + 1));
        assertFalse(ZeekDetection.matches(n), record);
    }

    private static boolean isBareConnectionTuple(ZeekSamples.Sample s) {
        return s.file().equals("ocsf-examples-kerberos.ndjson") && !s.record().has("request_type")
                && !s.record().has("client");
    }
}
