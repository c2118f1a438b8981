package io.protect.ingest.stage.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ZeekTsvParser on hand-written tricky logs and on every real TSV sample; nothing faked. */
class ZeekTsvParserTest {

    private static final String HEADER = String.join("\n",
            "#separator \\x09",
            "#set_separator\t,",
            "#empty_field\t(empty)",
            "#unset_field\t-",
            "#path\tconn",
            "#open\t2023-08-16-01-28-55",
            "#fields\tts\tuid\tid.orig_p\tduration\tlocal_orig\ttunnel_parents\tTTLs\tservice\tnote",
            "#types\ttime\tstring\tport\tinterval\tbool\tset[string]\tvector[interval]\tstring\tstring");

    private static ObjectNode one(String row) {
        List<ObjectNode> r = ZeekTsvParser.parse(HEADER + "\n" + row + "\n#close\t2023-08-16-01-28-55\n");
        assertEquals(1, r.size());
        return r.get(0);
    }

    @Test
    void typesFollowTheTypesHeader() {
        ObjectNode r = one("1692161622.036086\tCnsu5m395zFmE9ikp4\t52605\t0.000010\tT\ta,b\t3600.0,1.5\tdns\tx");
        assertTrue(r.get("ts").isNumber());
        assertEquals(new BigDecimal("1692161622.036086"), r.get("ts").decimalValue(), "time keeps every digit");
        assertEquals("Cnsu5m395zFmE9ikp4", r.get("uid").asText());
        assertTrue(r.get("id.orig_p").isIntegralNumber());
        assertEquals(52605, r.get("id.orig_p").intValue());
        assertEquals(new BigDecimal("0.000010"), r.get("duration").decimalValue());
        assertEquals(true, r.get("local_orig").booleanValue());
        assertEquals(List.of("a", "b"), strings(r.get("tunnel_parents")));
        assertTrue(r.get("TTLs").get(0).isNumber());
        assertEquals(1.5, r.get("TTLs").get(1).doubleValue());
    }

    @Test
    void unsetFieldsAreOmittedAndEmptyOnesAreEmpty() {
        ObjectNode r = one("1.5\t-\t-\t-\tF\t(empty)\t(empty)\t(empty)\t-");
        assertFalse(r.has("uid"));
        assertFalse(r.has("id.orig_p"));
        assertFalse(r.has("note"));
        assertEquals(false, r.get("local_orig").booleanValue());
        assertTrue(r.get("tunnel_parents").isArray() && r.get("tunnel_parents").isEmpty());
        assertTrue(r.get("TTLs").isArray() && r.get("TTLs").isEmpty());
        assertEquals("", r.get("service").asText());
        assertEquals(Set.of("ts", "local_orig", "tunnel_parents", "TTLs", "service"), names(r));
    }

    @Test
    void escapesAreDecodedAfterTheUnsetComparison() {
        // Zeek writes a literal "-" as \x2d, a tab inside a value as \x09, and non-ASCII bytes escaped.
        ObjectNode r = one("1\t\\x2d\t80\t1\tT\tx\\x2cy\t1\ta\\x09b\tcaf\\xc3\\xa9");
        assertEquals("-", r.get("uid").asText());
        assertEquals("a\tb", r.get("service").asText());
        assertEquals("café", r.get("note").asText());
        assertEquals(List.of("x,y"), strings(r.get("tunnel_parents")), "an escaped separator does not split");
    }

    @Test
    void aCustomSeparatorIsHonoured() {
        String log = String.join("\n",
                "#separator \\x7c",
                "#set_separator|;",
                "#empty_field|EMPTY",
                "#unset_field|NONE",
                "#path|dns",
                "#fields|ts|query|answers|rejected|rtt",
                "#types|time|string|vector[string]|bool|interval",
                "1588205198.89971|a\tb.local|10.0.0.4;10.0.0.5|F|NONE",
                "1588205198.9|-|EMPTY|T|0.5");
        ZeekTsvParser.Log parsed = ZeekTsvParser.parseLog(log);
        assertEquals("dns", parsed.path());
        List<ObjectNode> r = parsed.records();
        assertEquals(2, r.size());
        assertEquals("a\tb.local", r.get(0).get("query").asText(), "a tab is data when the separator is |");
        assertEquals(List.of("10.0.0.4", "10.0.0.5"), strings(r.get(0).get("answers")));
        assertFalse(r.get(0).has("rtt"));
        assertEquals("-", r.get(1).get("query").asText(), "- is only unset when #unset_field says so");
        assertTrue(r.get(1).get("answers").isEmpty());
    }

    @Test
    void aValueThatDoesNotReadAsItsTypeIsKeptAsText() {
        ObjectNode r = one("1\tC1\tnot-a-port\t1e3\tmaybe\tx\t1\ts\tn");
        assertEquals("not-a-port", r.get("id.orig_p").asText());
        assertEquals("maybe", r.get("local_orig").asText());
        assertEquals(1000.0, r.get("duration").doubleValue());
    }

    @Test
    void concatenatedLogsStartANewHeaderBlock() {
        String second = String.join("\n", "#separator \\x09", "#path\tweird", "#fields\tts\tname",
                "#types\ttime\tstring", "2.0\tbad_TCP_checksum");
        List<ObjectNode> r = ZeekTsvParser.parse(HEADER + "\n1\tC1\t1\t1\tT\tx\t1\ts\tn\n" + second + "\n");
        assertEquals(2, r.size());
        assertEquals(Set.of("ts", "name"), names(r.get(1)));
    }

    @Test
    void aRowWithTheWrongNumberOfColumnsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> one("1\tC1\t1"));
        assertThrows(IllegalArgumentException.class, () -> ZeekTsvParser.parse("1.0\tC1\n"));
    }

    @Test
    void crlfLineEndsAreAccepted() {
        List<ObjectNode> r = ZeekTsvParser.parse((HEADER + "\n1\tC1\t1\t1\tT\tx\t1\ts\tn\n").replace("\n", "\r\n"));
        assertEquals("n", r.get(0).get("note").asText());
    }

    // ------------------------------------------------------------- real samples

    static Stream<String> tsvFiles() {
        return ZeekSamples.FILES.stream().filter(f -> f.endsWith(".log"));
    }

    /** Rows per TSV sample file, as SOURCES.md counts them. */
    private static final Map<String, Integer> ROWS = Map.of("otrf-lsass01-conn.log", 20, "otrf-lsass01-dns.log", 16,
            "otrf-lsass01-files.log", 3, "otrf-lsass01-http.log", 3, "otrf-lsass01-kerberos.log", 5,
            "otrf-lsass01-ssl.log", 5, "otrf-lsass01-weird.log", 8, "otrf-lsass01-x509.log", 1);

    @ParameterizedTest(name = "{0}")
    @MethodSource("tsvFiles")
    void everyRealTsvLogParsesCompletely(String file) {
        String text = ZeekSamples.text("/samples/zeek/" + file);
        ZeekTsvParser.Log log = ZeekTsvParser.parseLog(text);
        String type = file.substring(file.lastIndexOf('-') + 1, file.lastIndexOf('.'));
        assertEquals(type, log.path());
        assertEquals(ROWS.get(file), log.records().size());
        String[] lines = text.split("\n");
        String[] fields = Arrays.stream(lines).filter(l -> l.startsWith("#fields")).findFirst().orElseThrow().split("\t");
        String[] types = Arrays.stream(lines).filter(l -> l.startsWith("#types")).findFirst().orElseThrow().split("\t");
        List<String[]> rows = Arrays.stream(lines).filter(l -> !l.startsWith("#") && !l.isEmpty())
                .map(l -> l.split("\t", -1)).toList();
        for (int i = 0; i < rows.size(); i++) {
            ObjectNode rec = log.records().get(i);
            String[] row = rows.get(i);
            assertTrue(rec.get("ts").isNumber(), file + " row " + i);
            assertEquals(new BigDecimal(row[0]), rec.get("ts").decimalValue());
            for (int c = 1; c < fields.length; c++) {
                String raw = row[c - 1];
                JsonNode v = rec.get(fields[c]);
                if (raw.equals("-")) {
                    assertFalse(rec.has(fields[c]), fields[c] + " is unset");
                    continue;
                }
                String t = types[c];
                if (t.startsWith("set[") || t.startsWith("vector[")) {
                    assertTrue(v.isArray(), fields[c]);
                    assertEquals(raw.equals("(empty)") ? 0 : raw.split(",").length, v.size(), fields[c]);
                } else if (t.equals("count") || t.equals("port")) {
                    assertTrue(v.isIntegralNumber(), fields[c] + "=" + v);
                    assertEquals(Long.parseLong(raw), v.longValue());
                } else if (t.equals("time") || t.equals("interval") || t.equals("double")) {
                    assertEquals(new BigDecimal(raw), v.decimalValue(), fields[c]);
                } else if (t.equals("bool")) {
                    assertEquals(raw.equals("T"), v.booleanValue(), fields[c]);
                } else {
                    assertEquals(raw.equals("(empty)") ? "" : ZeekTsvParser.unescape(raw), v.asText(), fields[c]);
                }
            }
        }
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static Set<String> names(JsonNode n) {
        Set<String> s = new LinkedHashSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s.stream().collect(Collectors.toSet());
    }
}
