package io.protect.ingest.stage.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** WindowsEventXmlParser on hand-written tricky records and on every real EventLog XML sample line; nothing faked. */
class WindowsEventXmlParserTest {

    private static final String NS = "http://schemas.microsoft.com/win/2004/08/events/event";

    static Stream<WindowsSamples.Sample> xmlSamples() {
        return Stream.concat(WindowsSamples.windows().stream(), WindowsSamples.sysmon().stream())
                .filter(s -> s.file().endsWith(".xml"));
    }

    @Test
    void systemFieldsOfARealRecord() {
        String line = WindowsSamples.read("windows", "evtx-attack-samples-security.xml").lines().findFirst().orElseThrow();
        ObjectNode e = WindowsEventXmlParser.parse(line);
        JsonNode s = e.get("System");
        assertEquals("Microsoft-Windows-Security-Auditing", s.path("Provider").path("Name").asText());
        assertEquals("{54849625-5478-4994-a5ba-3e3b0328c30d}", s.path("Provider").path("Guid").asText());
        assertEquals("4624", s.path("EventID").asText());
        assertEquals("", s.path("EventIDQualifiers").asText("missing"));
        assertEquals("0", s.path("Version").asText());
        assertEquals("0", s.path("Level").asText());
        assertEquals("12544", s.path("Task").asText());
        assertEquals("0", s.path("Opcode").asText());
        assertEquals("0x8020000000000000", s.path("Keywords").asText());
        assertEquals("2019-02-13 18:02:04.426662", s.path("TimeCreated").path("SystemTime").asText());
        assertEquals("227701", s.path("EventRecordID").asText());
        assertEquals("{ad38ff07-bc05-4620-a79a-51e18f454768}", s.path("Correlation").path("ActivityID").asText());
        assertEquals("", s.path("Correlation").path("RelatedActivityID").asText("missing"));
        assertEquals("520", s.path("Execution").path("ProcessID").asText());
        assertEquals("1920", s.path("Execution").path("ThreadID").asText());
        assertEquals("Security", s.path("Channel").asText());
        assertEquals("PC01.example.corp", s.path("Computer").asText());
        assertEquals("", s.path("Security").path("UserID").asText("missing"));
        JsonNode d = e.get("EventData");
        assertEquals("S-1-5-21-1587066498-1489273250-1035260531-1106", d.path("TargetUserSid").asText());
        assertEquals("User32 ", d.path("LogonProcessName").asText(), "values are not trimmed");
        assertEquals("11", d.path("LogonType").asText());
        assertEquals(2, e.size(), "only System and EventData");
    }

    @Test
    void entitiesAndCharacterReferencesAreDecoded() {
        ObjectNode e = WindowsEventXmlParser.parse("<Event xmlns='" + NS + "'><System><EventID>1</EventID></System>"
                + "<EventData><Data Name='CommandLine'>cmd /c \"a &amp; b\" &lt;x&gt; &apos;q&apos; &#174;&#10;next</Data>"
                + "<Data Name='Cdata'><![CDATA[<raw & text>]]></Data></EventData></Event>");
        assertEquals("cmd /c \"a & b\" <x> 'q' \u00ae\nnext", e.path("EventData").path("CommandLine").asText());
        assertEquals("<raw & text>", e.path("EventData").path("Cdata").asText());
    }

    @Test
    void emptyDataIsKeptAsAnEmptyString() {
        ObjectNode e = WindowsEventXmlParser.parse("<Event xmlns=\"" + NS + "\"><System><EventID>4624</EventID>"
                + "<Security/></System><EventData><Data Name=\"A\"></Data><Data Name=\"B\"/><Data Name=\"C\">x</Data></EventData></Event>");
        assertTrue(e.path("EventData").has("A"));
        assertEquals("", e.path("EventData").path("A").asText());
        assertEquals("", e.path("EventData").path("B").asText());
        assertEquals("x", e.path("EventData").path("C").asText());
        assertEquals("", e.path("System").path("Security").asText("missing"), "an empty element without attributes is empty text");
    }

    @Test
    void unnamedDataBecomesAnArrayAndRepeatedNamesAnArray() {
        ObjectNode e = WindowsEventXmlParser.parse("<Event xmlns=\"" + NS + "\"><System><EventID Qualifiers=\"16384\">7036</EventID>"
                + "</System><EventData><Data>Windows Update</Data><Data>running</Data><Data Name=\"X\">1</Data>"
                + "<Data Name=\"X\">2</Data><Binary>7700</Binary></EventData></Event>");
        JsonNode d = e.path("EventData");
        assertEquals(2, d.path("Data").size());
        assertEquals("Windows Update", d.path("Data").get(0).asText());
        assertEquals("running", d.path("Data").get(1).asText());
        assertEquals("1", d.path("X").get(0).asText());
        assertEquals("2", d.path("X").get(1).asText());
        assertEquals("7700", d.path("Binary").asText());
        assertEquals("7036", e.path("System").path("EventID").asText());
        assertEquals("16384", e.path("System").path("EventIDQualifiers").asText());
    }

    @Test
    void namespacesArePrefixedOrAbsent() {
        ObjectNode prefixed = WindowsEventXmlParser.parse("<e:Event xmlns:e=\"" + NS + "\"><e:System><e:EventID>1</e:EventID>"
                + "<e:Channel>Microsoft-Windows-Sysmon/Operational</e:Channel></e:System>"
                + "<e:EventData><e:Data Name=\"Image\">C:\\a.exe</e:Data></e:EventData></e:Event>");
        assertEquals("1", prefixed.path("System").path("EventID").asText());
        assertEquals("C:\\a.exe", prefixed.path("EventData").path("Image").asText());
        ObjectNode bare = WindowsEventXmlParser.parse("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Event><System><EventID>1</EventID></System></Event>");
        assertEquals("1", bare.path("System").path("EventID").asText());
    }

    @Test
    void userDataAndRenderingInfoAreKeptNested() {
        ObjectNode e = WindowsEventXmlParser.parse("<Event xmlns=\"" + NS + "\"><System><EventID>1102</EventID></System>"
                + "<UserData><LogFileCleared xmlns=\"http://manifests.microsoft.com/win/2004/08/windows/eventlog\">"
                + "<SubjectUserSid>S-1-5-21-1</SubjectUserSid><SubjectUserName>admin</SubjectUserName></LogFileCleared></UserData>"
                + "<RenderingInfo Culture=\"en-US\"><Message>The audit log was cleared.</Message><Keywords><Keyword>Audit Success</Keyword>"
                + "<Keyword>Classic</Keyword></Keywords></RenderingInfo></Event>");
        assertEquals("admin", e.path("UserData").path("LogFileCleared").path("SubjectUserName").asText());
        assertEquals("en-US", e.path("RenderingInfo").path("Culture").asText());
        assertEquals("The audit log was cleared.", e.path("RenderingInfo").path("Message").asText());
        assertEquals(2, e.path("RenderingInfo").path("Keywords").path("Keyword").size());
    }

    @Test
    void externalEntitiesAndDoctypesAreRejected(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Event [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<Event><System><EventID>1</EventID></System><EventData><Data Name=\"A\">&x;</Data></EventData></Event>";
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> WindowsEventXmlParser.parse(xxe));
        assertFalse(ex.getMessage().contains("TOP-SECRET"));
        String bomb = "<!DOCTYPE Event [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<Event><System><EventID>1</EventID></System><EventData><Data Name=\"A\">&b;</Data></EventData></Event>";
        assertThrows(IllegalArgumentException.class, () -> WindowsEventXmlParser.parse(bomb));
        assertThrows(IllegalArgumentException.class, () -> WindowsEventXmlParser.parse(
                "<Event><System><EventID>1</EventID></System><EventData><Data Name=\"A\">&undeclared;</Data></EventData></Event>"));
    }

    @Test
    void malformedOrForeignXmlIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> WindowsEventXmlParser.parse("<Event><System></Event>"));
        assertThrows(IllegalArgumentException.class, () -> WindowsEventXmlParser.parse("<Events><Event/></Events>"));
        assertThrows(IllegalArgumentException.class, () -> WindowsEventXmlParser.parse("{\"EventID\": 1}"));
        assertThrows(IllegalArgumentException.class, () -> WindowsEventXmlParser.parse("  "));
        assertTrue(WindowsEventXmlParser.looksLikeEvent("<Event xmlns=\"x\">"));
        assertTrue(WindowsEventXmlParser.looksLikeEvent("<?xml version=\"1.0\"?><Event>"));
        assertFalse(WindowsEventXmlParser.looksLikeEvent("<Events>"));
        assertFalse(WindowsEventXmlParser.looksLikeEvent("{\"EventID\":4624}"));
    }

    @Test
    void parseLinesSkipsBlankLines() {
        String text = WindowsSamples.read("sysmon", "evtx-attack-samples-sysmon.xml");
        assertEquals(31, WindowsEventXmlParser.parseLines(text + "\n\n").size());
    }

    @Test
    void theSamplesHoldEveryXmlEvent() {
        assertEquals(36 + 18 + 31, xmlSamples().count());
    }

    /** Every Data element of the line is a field with the same (decoded) value: nothing lost. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("xmlSamples")
    void everyRealXmlLineKeepsEverySystemAndDataField(WindowsSamples.Sample sample) {
        ObjectNode e = sample.event();
        JsonNode s = e.path("System");
        for (String k : new String[] {"EventID", "Version", "Level", "Task", "Opcode", "Keywords", "EventRecordID", "Channel", "Computer"}) {
            assertTrue(s.path(k).isTextual(), () -> sample + " System." + k);
        }
        assertFalse(s.path("TimeCreated").path("SystemTime").asText().isBlank(), sample::toString);
        assertTrue(s.path("Execution").has("ProcessID"), sample::toString);
        assertTrue(s.path("Security").has("UserID"), sample::toString);
        assertFalse(s.path("Provider").path("Name").asText().isBlank(), sample::toString);
        Matcher m = Pattern.compile("<Data Name=\"([^\"]+)\">([^<]*)</Data>").matcher(sample.text());
        int n = 0;
        while (m.find()) {
            n++;
            String expected = m.group(2).replace("&#10;", "\n").replace("&#13;", "\r").replace("&#174;", "\u00ae")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
            assertEquals(expected, e.path("EventData").path(m.group(1)).asText(), sample + " " + m.group(1));
        }
        assertEquals(n, e.path("EventData").size(), sample + ": one field per Data element");
    }
}
