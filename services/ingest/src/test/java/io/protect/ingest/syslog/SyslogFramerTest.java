package io.protect.ingest.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Syslog TCP framing (RFC 6587 / RFC 5425). Pure. */
class SyslogFramerTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void lineFramingSplitsOnLfAndDropsCr() {
        SyslogFramer f = new SyslogFramer(1000);
        assertEquals(List.of("<13>CEF:0|a|b|1|x|y|5|src=1.2.3.4", "LEEF:1.0|v|p|1|e|"),
                f.feed(b("<13>CEF:0|a|b|1|x|y|5|src=1.2.3.4\r\nLEEF:1.0|v|p|1|e|\n\n")));
        assertEquals(List.of(), f.finish());
    }

    @Test
    void octetCountingKeepsNewlinesInsideTheMessage() {
        SyslogFramer f = new SyslogFramer(1000);
        String msg = "<34>1 2026-11-22T10:00:00Z h app - - - CEF:0|a|b|1|x|multi\\nline|5|msg=a\nb";
        byte[] len = b(msg.getBytes(StandardCharsets.UTF_8).length + " ");
        assertEquals(List.of(msg), f.feed(concat(len, b(msg))));
    }

    @Test
    void framesSplitAcrossReadsAndMixedFramingsWork() {
        SyslogFramer f = new SyslogFramer(1000);
        List<String> out = new ArrayList<>();
        String stream = "5 hello<1>line one\n3 abc";
        for (byte x : b(stream)) {
            out.addAll(f.feed(new byte[] {x}));
        }
        assertEquals(List.of("hello", "<1>line one", "abc"), out);
    }

    @Test
    void oversizeAndBrokenFramesAreRefused() {
        assertThrows(SyslogFramer.FramingException.class, () -> new SyslogFramer(10).feed(b("11 hello world")));
        assertThrows(SyslogFramer.FramingException.class, () -> new SyslogFramer(10).feed(b("<1>this line is too long\n")));
        assertThrows(SyslogFramer.FramingException.class, () -> new SyslogFramer(10).feed(b("12x")));
        SyslogFramer cut = new SyslogFramer(100);
        cut.feed(b("20 only ten"));
        assertThrows(SyslogFramer.FramingException.class, cut::finish);
    }

    @Test
    void aLastLineWithoutNewlineIsDeliveredOnClose() {
        SyslogFramer f = new SyslogFramer(100);
        assertEquals(List.of(), f.feed(b("<5>tail")));
        assertEquals(List.of("<5>tail"), f.finish());
    }

    private static byte[] concat(byte[] a, byte[] c) {
        byte[] out = new byte[a.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(c, 0, out, a.length, c.length);
        return out;
    }
}
