package io.protect.ingest.stage.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** LeefParser on the LEEF 1.0/2.0 tricky cases and on every real LEEF sample line; nothing faked. */
class LeefParserTest {

    static Stream<CefLeefSamples.Line> lines() {
        return CefLeefSamples.leef().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void everySampleLineParsesAndKeepsEveryAttribute(CefLeefSamples.Line line) {
        ObjectNode leef = LeefParser.parse(line.text());
        assertTrue(LeefDetection.matches(leef), line::toString);
        // Every non-empty tab-separated attribute of the line is a key of the output.
        String attributes = line.text().substring(line.text().indexOf('|', line.text().indexOf("|", line.text()
                .indexOf("|", line.text().indexOf("|", line.text().indexOf("|") + 1) + 1) + 1) + 1) + 1);
        if (attributes.contains("\t")) {
            for (String a : attributes.split("\t")) {
                if (a.contains("=")) {
                    assertTrue(leef.get("extension").has(a.substring(0, a.indexOf('=')).strip()), () -> line + " lost " + a);
                }
            }
        }
    }

    @Test
    void theSamplesHold27Lines() {
        assertEquals(27, CefLeefSamples.leef().size());
    }

    @Test
    void leef1TabDelimited() {
        ObjectNode leef = LeefParser.parse("LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=192.0.2.0\tdst=172.50.123.1"
                + "\tsev=5\tcat=anomaly\tsrcPort=81\tdstPort=21\tusrName=joe.black\tempty=\tmsg=a=b c");
        assertEquals("1.0", leef.get("leefVersion").asText());
        assertEquals("Microsoft", leef.get("deviceVendor").asText());
        assertEquals("MSExchange", leef.get("deviceProduct").asText());
        assertEquals("4.0 SP1", leef.get("deviceVersion").asText());
        assertEquals("15345", leef.get("eventId").asText());
        assertFalse(leef.has("delimiter"));
        JsonNode ext = leef.get("extension");
        assertEquals("192.0.2.0", ext.get("src").asText());
        assertEquals("joe.black", ext.get("usrName").asText());
        assertEquals("", ext.get("empty").asText());
        assertEquals("a=b c", ext.get("msg").asText(), "split on the first '=' only");
        assertEquals(9, ext.size());
    }

    @Test
    void leef2WithACharacterDelimiter() {
        ObjectNode leef = LeefParser.parse("LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^dst=10.0.0.5^sev=5^msg=a\tb");
        assertEquals("^", leef.get("delimiter").asText());
        assertEquals("10.0.0.5", leef.path("extension").path("dst").asText());
        assertEquals("a\tb", leef.path("extension").path("msg").asText(), "a tab is content when ^ delimits");
    }

    @Test
    void leef2WithHexDelimiters() {
        ObjectNode x09 = LeefParser.parse("LEEF:2.0|V|P|1|41|x09|src=10.0.1.8\tdst=10.0.0.5");
        assertEquals("x09", x09.get("delimiter").asText());
        assertEquals("10.0.0.5", x09.path("extension").path("dst").asText());
        ObjectNode caret = LeefParser.parse("LEEF:2.0|V|P|1|41|0x5E|src=10.0.1.8^dst=10.0.0.5");
        assertEquals("0x5E", caret.get("delimiter").asText());
        assertEquals("10.0.1.8", caret.path("extension").path("src").asText());
        ObjectNode upper = LeefParser.parse("LEEF:2.0|V|P|1|41|0X7C|src=a|dst=b");
        assertEquals("b", upper.path("extension").path("dst").asText(), "0x7C is the pipe");
    }

    @Test
    void leef2WithEmptyDelimiterFieldMeansTab() {
        ObjectNode leef = LeefParser.parse("LEEF:2.0|V|P|1|41||src=1.2.3.4\tdst=5.6.7.8");
        assertEquals("", leef.get("delimiter").asText());
        assertEquals("5.6.7.8", leef.path("extension").path("dst").asText());
    }

    @Test
    void leef2WithoutDelimiterFieldAsTrendMicroWrites() {
        ObjectNode leef = LeefParser.parse("LEEF:2.0|Trend Micro|Deep Security Agent|10|4000030|cat=Anti-Malware\tsev=6");
        assertFalse(leef.has("delimiter"));
        assertEquals("Anti-Malware", leef.path("extension").path("cat").asText());
        assertEquals("6", leef.path("extension").path("sev").asText());
    }

    @Test
    void valuesAreVerbatimWithSpacesAndBackslashes() {
        JsonNode ext = LeefParser.parse("LEEF:1.0|V|P|1|2|filePath=C:\\\\Windows\\\\x.exe\tdesc=a\\nb \t shost=h ").get("extension");
        assertEquals("C:\\\\Windows\\\\x.exe", ext.get("filePath").asText(), "LEEF defines no escapes");
        assertEquals("a\\nb ", ext.get("desc").asText(), "a trailing space is content when tab delimits");
        assertEquals("h ", ext.get("shost").asText(), "the key is trimmed, the value is not");
    }

    @Test
    void spaceSeparatedLeef1AsArubaWrites() {
        JsonNode ext = LeefParser.parse("LEEF:1.0|Aruba Networks|ClearPass|1.0.0.0|3003|devTime=May 01 2025 18:00:02.009 CEST"
                + " level=INFO sub-cat=Authentication src=1.2.3.4").get("extension");
        assertEquals("May 01 2025 18:00:02.009 CEST", ext.get("devTime").asText());
        assertEquals("Authentication", ext.get("sub-cat").asText());
        assertEquals("1.2.3.4", ext.get("src").asText());
    }

    @Test
    void aRepeatedKeyKeepsEveryValue() {
        JsonNode v = LeefParser.parse("LEEF:1.0|V|P|1|2|a=1\ta=2\ta=3").path("extension").get("a");
        assertEquals(3, v.size());
        assertEquals("3", v.get(2).asText());
    }

    @Test
    void syslogHeaderBeforeLeef() {
        ObjectNode leef = LeefParser.parse("<13>Sep 23 09:51:24 fw LEEF:1.0|V|P|1|2|a=1");
        assertEquals(13, leef.path("syslog").path("pri").asInt());
        assertEquals("fw", leef.path("syslog").path("host").asText());
    }

    @Test
    void malformedLinesNameWhatIsWrong() {
        assertMessage("LEEF line is empty", "");
        assertMessage("no 'LEEF:'", "CEF:0|a|b|c|d|e|f|");
        assertMessage("LEEF version must be 1.0 or 2.0", "LEEF:3.0|V|P|1|2|a=b");
        assertMessage("LEEF header has 3 of 5", "LEEF:1.0|V|P|1");
        assertMessage("eventId is missing", "LEEF:1.0|V|P|1|2");
        assertMessage("LEEF 2.0 delimiter must be one character or hex", "LEEF:2.0|V|P|1|2|tab|a=b");
        assertMessage("LEEF attribute without '='", "LEEF:1.0|V|P|1|2|a=b\tnonsense");
        assertMessage("LEEF attribute key '' is empty", "LEEF:1.0|V|P|1|2|=b");
        assertMessage("cannot separate attributes", "LEEF:2.0|V|P|1|2|x3D|a=b");
    }

    private static void assertMessage(String expected, String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LeefParser.parse(line));
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should contain '" + expected + "'");
    }
}
