package io.protect.normalize.mapping.windows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.Enrichment;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.wire.RawJson;
import io.protect.normalize.mapping.MappingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real Windows Security and Sysmon samples of src/test/resources/samples/{windows,sysmon} (see
 * SOURCES.md there). JSON files are read with Jackson; EventLog XML files are read as ingest's
 * WindowsEventXmlParser output ({@code <file>.parsed.ndjson}, kept identical to the parser by
 * ingest's WindowsXmlFixturesTest), which is what normalize receives in production.
 */
public final class WindowsEventSamples {

    public static final List<String> WINDOWS = List.of("evtx-attack-samples-security.xml.parsed.ndjson",
            "ocsf-examples-security.xml.parsed.ndjson", "otrf-nxlog-security.ndjson", "sekoia-winlogbeat-security.ndjson");
    public static final List<String> SYSMON = List.of("evtx-attack-samples-sysmon.xml.parsed.ndjson",
            "otrf-nxlog-sysmon.ndjson", "sekoia-winlogbeat-sysmon.ndjson");

    /** One event and where it came from. */
    public record Sample(String source, String file, int line, ObjectNode event) {
        @Override
        public String toString() {
            return source + "/" + file.replace(".parsed.ndjson", "") + ":" + line + " event " + WinEvent.eventIdOf(event)
                    + " (" + WinEvent.formOf(event) + ")";
        }
    }

    private WindowsEventSamples() {
    }

    public static List<Sample> windows() {
        return load("windows", WINDOWS);
    }

    public static List<Sample> sysmon() {
        return load("sysmon", SYSMON);
    }

    static List<Sample> load(String source, List<String> files) {
        List<Sample> out = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = WindowsEventSamples.class.getResourceAsStream("/samples/" + source + "/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing sample " + file);
                }
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\r?\\n");
                for (int i = 0; i < lines.length; i++) {
                    if (!lines[i].isBlank()) {
                        out.add(new Sample(source, file, i + 1, (ObjectNode) Json.parse(lines[i])));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The first sample of a file whose text contains a marker. */
    public static ObjectNode find(List<Sample> samples, String filePrefix, String marker) {
        return samples.stream().filter(s -> s.file().startsWith(filePrefix) && s.event().toString().contains(marker))
                .findFirst().orElseThrow(() -> new IllegalStateException(marker + " not in " + filePrefix)).event().deepCopy();
    }

    public static AlertEnriched enriched(SourceFormat format, JsonNode event, Enrichment enrichment) {
        return new AlertEnriched(format, null, null, RawJson.of(event), enrichment);
    }

    public static MappingContext context() {
        return new MappingContext(UUID.fromString("6f1c1e52-3a4b-4c5d-8e9f-0a1b2c3d4e5f"), "acme", "corr-1",
                Instant.parse("2024-05-01T12:00:00Z"));
    }

    /** Every leaf (value node, empty object or empty array) of a JSON tree by its dotted path. */
    public static Map<String, JsonNode> leaves(JsonNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect("", node, out);
        return out;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject() && !node.isEmpty()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                collect(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path, node);
        }
    }
}
