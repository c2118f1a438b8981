package io.protect.ingest.stage.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The real CEF and LEEF lines of src/test/resources/samples/cef and samples/leef (see SOURCES.md there). */
final class CefLeefSamples {

    static final List<String> CEF_FILES = List.of("metron-cef.log", "sekoia-cef.log");
    static final List<String> LEEF_FILES = List.of("metron-leef.log", "sekoia-leef.log");

    /**
     * The one sample line that is not CEF: a Citrix SNMP trap that quotes a CEF header cut short
     * ({@code CEF:0|Citrix|NetScaler|NS13.1|APPFW|APPFW_POLI...}), after a non-syslog prefix.
     */
    static final String TRUNCATED_CITRIX_MARKER = "SNMP TRAP_SENT";

    /** One sample line and where it came from. */
    record Line(String file, int line, String text) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    private CefLeefSamples() {
    }

    static List<Line> cef() {
        return lines("cef", CEF_FILES);
    }

    static List<Line> leef() {
        return lines("leef", LEEF_FILES);
    }

    /** The CEF lines that are valid CEF (all but the truncated Citrix trap). */
    static List<Line> validCef() {
        return cef().stream().filter(l -> !l.text().contains(TRUNCATED_CITRIX_MARKER)).toList();
    }

    private static List<Line> lines(String dir, List<String> files) {
        List<Line> out = new ArrayList<>();
        for (String file : files) {
            String resource = "/samples/" + dir + "/" + file;
            try (InputStream in = CefLeefSamples.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing sample " + resource);
                }
                String[] all = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
                for (int i = 0; i < all.length; i++) {
                    if (!all[i].isBlank()) {
                        out.add(new Line(file, i + 1, all[i]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
