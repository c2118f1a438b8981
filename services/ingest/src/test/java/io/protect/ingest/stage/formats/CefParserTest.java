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

/** CefParser on the spec's tricky cases and on every real CEF sample line; nothing faked. */
class CefParserTest {

    static Stream<CefLeefSamples.Line> validLines() {
        return CefLeefSamples.validCef().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validLines")
    void everyValidSampleLineParsesWithAllHeaderFieldsAndNoKeyLost(CefLeefSamples.Line line) {
        ObjectNode cef = CefParser.parse(line.text());
        assertTrue(CefDetection.matches(cef), line::toString);
        assertFalse(cef.path("deviceVendor").asText().isEmpty());
        // Every "key=" that starts a pair in the raw extension is a key of the output.
        String raw = line.text().substring(line.text().indexOf('|', line.text().indexOf("CEF:")));
        var m = java.util.regex.Pattern.compile("(?<![^\\s])([A-Za-z0-9_.\\-\\[\\]]+)=").matcher(raw.substring(nthPipe(raw, 6) + 1));
        while (m.find()) {
            assertTrue(cef.path("extension").has(m.group(1)), () -> line + " lost " + m.group(1));
        }
    }

    private static int nthPipe(String s, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf('|', at + 1);
            while (at > 0 && s.charAt(at - 1) == '\\') {
                at = s.indexOf('|', at + 1);
            }
        }
        return at;
    }

    @Test
    void theSamplesHold119LinesOfWhichOneIsATruncatedHeader() {
        assertEquals(119, CefLeefSamples.cef().size());
        assertEquals(118, CefLeefSamples.validCef().size());
        CefLeefSamples.Line citrix = CefLeefSamples.cef().stream()
                .filter(l -> l.text().contains(CefLeefSamples.TRUNCATED_CITRIX_MARKER)).findFirst().orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CefParser.parse(citrix.text()));
        assertTrue(e.getMessage().contains("not a syslog header"), e.getMessage());
        // Even without its prefix the quoted header is cut short after five fields.
        String quoted = citrix.text().substring(citrix.text().indexOf("CEF:"));
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> CefParser.parse(quoted));
        assertTrue(e2.getMessage().contains("name is missing"), e2.getMessage());
    }

    @Test
    void headerFieldsWithEscapedPipeAndBackslash() {
        ObjectNode cef = CefParser.parse("CEF:0|Ven\\|dor|Pro\\\\duct|1.0|100|Name with \\| pipe|10|src=10.0.0.1");
        assertEquals(0, cef.get("cefVersion").asInt());
        assertEquals("Ven|dor", cef.get("deviceVendor").asText());
        assertEquals("Pro\\duct", cef.get("deviceProduct").asText());
        assertEquals("1.0", cef.get("deviceVersion").asText());
        assertEquals("100", cef.get("signatureId").asText());
        assertEquals("Name with | pipe", cef.get("name").asText());
        assertEquals("10", cef.get("severity").asText());
        assertEquals("10.0.0.1", cef.path("extension").path("src").asText());
    }

    @Test
    void extensionEscapesEqualsBackslashAndNewlines() {
        ObjectNode ext = (ObjectNode) CefParser.parse(
                "CEF:0|V|P|1|1|N|5|msg=a\\=b c\\\\d line1\\nline2\\rend request=http://x/?q\\=1 fname=C:\\\\Windows\\\\x.exe")
                .get("extension");
        assertEquals("a=b c\\d line1\nline2\rend", ext.get("msg").asText());
        assertEquals("http://x/?q=1", ext.get("request").asText());
        assertEquals("C:\\Windows\\x.exe", ext.get("fname").asText());
    }

    @Test
    void valuesKeepSpacesAndPipesAndLoseTrailingSpaces() {
        ObjectNode ext = (ObjectNode) CefParser.parse(
                "CEF:0|V|P|1|1|N|5|msg=hello big world   suser=a b|c  dhost= duser=  cs1=x ").get("extension");
        assertEquals("hello big world", ext.get("msg").asText());
        assertEquals("a b|c", ext.get("suser").asText());
        assertEquals("", ext.get("dhost").asText());
        assertEquals("", ext.get("duser").asText());
        assertEquals("x", ext.get("cs1").asText());
        assertEquals(5, ext.size());
    }

    @Test
    void anUnknownEscapeIsKeptAsWritten() {
        ObjectNode ext = (ObjectNode) CefParser.parse("CEF:0|V|P|1|1|N|5|fname=Root\\ABC x").get("extension");
        assertEquals("Root\\ABC x", ext.get("fname").asText());
    }

    @Test
    void customLabelsAreKeptAsTheyAre() {
        ObjectNode ext = (ObjectNode) CefParser.parse("CEF:0|V|P|1|1|N|5|cs1Label=Rule Name cs1=Allow all").get("extension");
        assertEquals("Rule Name", ext.get("cs1Label").asText());
        assertEquals("Allow all", ext.get("cs1").asText());
    }

    @Test
    void aRepeatedKeyKeepsEveryValueInOrder() {
        JsonNode v = CefParser.parse("CEF:0|V|P|1|1|N|5|layer_name=Firewall A layer_name=App B").path("extension").get("layer_name");
        assertTrue(v.isArray());
        assertEquals("Firewall A", v.get(0).asText());
        assertEquals("App B", v.get(1).asText());
    }

    @Test
    void emptyExtensionAndEmptyHeaderFields() {
        ObjectNode cef = CefParser.parse("CEF:1|V|P|1|HIPMATCH||3|");
        assertEquals(1, cef.get("cefVersion").asInt());
        assertEquals("", cef.get("name").asText());
        assertEquals(0, cef.get("extension").size());
    }

    @Test
    void spaceAfterTheColonAsCheckPointWrites() {
        assertEquals("Check Point", CefParser.parse("CEF: 0|Check Point|FW|1|Log|Log|Unknown|act=Drop").get("deviceVendor").asText());
    }

    @Test
    void rfc3164HeaderIsKept() {
        ObjectNode cef = CefParser.parse("<13>Mar  1 14:05:02 fw01 cef-agent[123]: CEF:0|V|P|1|1|N|5|src=1.2.3.4");
        assertEquals(13, cef.path("syslog").path("pri").asInt());
        assertEquals("Mar  1 14:05:02", cef.path("syslog").path("timestamp").asText());
        assertEquals("fw01", cef.path("syslog").path("host").asText());
        assertEquals("cef-agent", cef.path("syslog").path("tag").asText());
        assertEquals("123", cef.path("syslog").path("pid").asText());
    }

    @Test
    void rfc5424HeaderIsKept() {
        ObjectNode cef = CefParser.parse("<134>1 2024-01-02T03:04:05.678Z host1 app 42 ID47 - CEF:0|V|P|1|1|N|5|src=1.2.3.4");
        ObjectNode s = (ObjectNode) cef.get("syslog");
        assertEquals(134, s.get("pri").asInt());
        assertEquals(1, s.get("version").asInt());
        assertEquals("2024-01-02T03:04:05.678Z", s.get("timestamp").asText());
        assertEquals("host1", s.get("host").asText());
        assertEquals("app", s.get("appName").asText());
        assertEquals("42", s.get("procId").asText());
        assertEquals("ID47", s.get("msgId").asText());
        assertFalse(s.has("structuredData"), "the nil '-' is left out");
    }

    @Test
    void isoTimestampPrefixAsMetronSamplesHave() {
        ObjectNode cef = CefParser.parse("2016-04-01T09:29:11.356-0400 CEF:0|V|P|1|1|N|5|src=1.2.3.4");
        assertEquals("2016-04-01T09:29:11.356-0400", cef.path("syslog").path("timestamp").asText());
    }

    @Test
    void malformedLinesNameWhatIsWrong() {
        assertMessage("CEF line is empty", "  ");
        assertMessage("no 'CEF:'", "hello world");
        assertMessage("CEF header has 4 of 7", "CEF:0|V|P|1|");
        assertMessage("signatureId is missing", "CEF:0|V|P|1|100");
        assertMessage("CEF version must be a number", "CEF:x|V|P|1|1|N|5|a=b");
        assertMessage("text before its first key", "CEF:0|V|P|1|1|N|5|garbage a=b");
        assertMessage("no key=value pair", "CEF:0|V|P|1|1|N|5|just text");
        assertMessage("not a syslog header", "some junk CEF:0|V|P|1|1|N|5|a=b");
        assertMessage("PRI <200> is out of range", "<200>CEF:0|V|P|1|1|N|5|a=b");
    }

    private static void assertMessage(String expected, String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CefParser.parse(line));
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should contain '" + expected + "'");
    }

    @Test
    void realSampleWithSyslogHeaderEmptyValuesAndQuotedLabels() {
        ObjectNode cef = CefParser.parse(CefLeefSamples.cef().stream().filter(l -> l.text().contains("HHHPVATN1"))
                .findFirst().orElseThrow().text());
        assertEquals("HHHPVATN1", cef.path("syslog").path("host").asText());
        assertEquals("Cyber-Ark", cef.get("deviceVendor").asText());
        JsonNode ext = cef.get("extension");
        assertEquals("Root\\ABC phobos3 - COMP", ext.get("fname").asText());
        assertEquals("", ext.get("dhost").asText());
        assertEquals("\"Safe Name\"", ext.get("cs2Label").asText());
        assertEquals("Security Vulnerability Mgmt", ext.get("cs2").asText());
        assertEquals("Needed to verify config files being pulled", ext.get("msg").asText());
    }

    @Test
    void realSampleWithEscapedEqualsInAValue() {
        JsonNode ext = CefParser.parse(CefLeefSamples.cef().stream().filter(l -> l.text().contains("CN\\=foobarfw002"))
                .findFirst().orElseThrow().text()).get("extension");
        assertEquals("CN=foobarfw002,O=foomgmt.foobar.local.zazgch", ext.get("originsicname").asText());
    }
}
