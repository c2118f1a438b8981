package io.protect.ingest.stage.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** WindowsSecurityDetection and SysmonDetection on every real Windows, Sysmon and Suricata sample; nothing faked. */
class WindowsDetectionTest {

    static Stream<WindowsSamples.Sample> windows() {
        return WindowsSamples.windows().stream();
    }

    static Stream<WindowsSamples.Sample> sysmon() {
        return WindowsSamples.sysmon().stream();
    }

    static Stream<WindowsSamples.Sample> suricata() {
        return WindowsSamples.suricata().stream();
    }

    @Test
    void sampleCounts() {
        assertEquals(194, WindowsSamples.windows().size());
        assertEquals(144, WindowsSamples.sysmon().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void everySecurityEventIsWindowsAndNotSysmon(WindowsSamples.Sample s) {
        assertTrue(WindowsSecurityDetection.matches(s.event()), s::toString);
        assertFalse(SysmonDetection.matches(s.event()), s::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sysmon")
    void everySysmonEventIsSysmonAndNotWindowsSecurity(WindowsSamples.Sample s) {
        assertTrue(SysmonDetection.matches(s.event()), s::toString);
        assertFalse(WindowsSecurityDetection.matches(s.event()), s::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suricata")
    void noSuricataEventIsEither(WindowsSamples.Sample s) {
        assertFalse(WindowsSecurityDetection.matches(s.event()), s::toString);
        assertFalse(SysmonDetection.matches(s.event()), s::toString);
    }

    @Test
    void edgeCases() throws Exception {
        ObjectMapper m = new ObjectMapper();
        // A channel without an event id is not an event log record.
        assertFalse(WindowsSecurityDetection.matches(m.readTree("{\"Channel\":\"Security\"}")));
        // Provider alone suffices when the channel is missing; a non-Security channel does not match.
        assertTrue(WindowsSecurityDetection.matches(m.readTree(
                "{\"EventID\":4624,\"SourceName\":\"Microsoft-Windows-Security-Auditing\"}")));
        assertFalse(WindowsSecurityDetection.matches(m.readTree(
                "{\"EventID\":7036,\"Channel\":\"System\",\"SourceName\":\"Service Control Manager\"}")));
        assertTrue(SysmonDetection.matches(m.readTree("{\"winlog\":{\"event_id\":\"3\",\"provider_name\":\"Microsoft-Windows-Sysmon\"}}")));
        assertTrue(SysmonDetection.matches(WindowsEventXmlParser.parse(
                "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><EventID>22</EventID>"
                        + "<Channel>Microsoft-Windows-Sysmon/Operational</Channel></System></Event>")));
        assertFalse(SysmonDetection.matches(m.readTree("{\"event_type\":\"alert\",\"src_ip\":\"1.2.3.4\"}")));
        assertFalse(SysmonDetection.matches(m.readTree("[1]")));
        assertFalse(WindowsSecurityDetection.matches(null));
        ObjectNode lower = (ObjectNode) m.readTree("{\"EventID\":4688,\"Channel\":\"security\"}");
        assertTrue(WindowsSecurityDetection.matches(lower), "NXLog pipelines that lower-case the channel");
    }
}
