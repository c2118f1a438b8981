package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The Windows Security, Sysmon and Suricata samples of src/test/resources/samples, parsed (see SOURCES.md there). */
final class WindowsSamples {

    static final List<String> WINDOWS = List.of("evtx-attack-samples-security.xml", "ocsf-examples-security.xml",
            "otrf-nxlog-security.ndjson", "sekoia-winlogbeat-security.ndjson");
    static final List<String> SYSMON = List.of("evtx-attack-samples-sysmon.xml", "otrf-nxlog-sysmon.ndjson",
            "sekoia-winlogbeat-sysmon.ndjson");
    static final List<String> SURICATA = List.of("wrccdc-2017-alerts-40.ndjson");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One parsed event and where it came from. */
    record Sample(String source, String file, int line, String text, ObjectNode event) {
        @Override
        public String toString() {
            return source + "/" + file + ":" + line;
        }
    }

    private WindowsSamples() {
    }

    static String read(String source, String file) {
        try (InputStream in = WindowsSamples.class.getResourceAsStream("/samples/" + source + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + source + "/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event of a source's files: XML lines through the parser, JSON lines through Jackson. */
    static List<Sample> events(String source, List<String> files) {
        List<Sample> out = new ArrayList<>();
        for (String file : files) {
            String[] lines = read(source, file).split("\\r?\\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    ObjectNode e = file.endsWith(".xml") ? WindowsEventXmlParser.parse(lines[i])
                            : (ObjectNode) MAPPER.readTree(lines[i]);
                    out.add(new Sample(source, file, i + 1, lines[i], e));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    static List<Sample> windows() {
        return events("windows", WINDOWS);
    }

    static List<Sample> sysmon() {
        return events("sysmon", SYSMON);
    }

    static List<Sample> suricata() {
        return events("suricata", SURICATA);
    }
}
