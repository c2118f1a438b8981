package io.protect.normalize.mapping.cef;

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
import java.util.List;
import java.util.UUID;

/**
 * The real CEF and LEEF samples of src/test/resources/samples/cef and samples/leef (see SOURCES.md
 * there), as ingest's CefParser/LeefParser parse them: {@code parsed.ndjson} holds one
 * {@code {file, line, event}} per sample line, kept current by ingest's CefLeefFixturesTest.
 */
public final class SyslogSamples {

    /** One parsed sample line. */
    public record Sample(String file, int line, ObjectNode event) {
        @Override
        public String toString() {
            return file + ":" + line + " " + event.path("deviceVendor").asText() + " " + event.path("deviceProduct").asText();
        }
    }

    private SyslogSamples() {
    }

    /** Every parsed line of a source ({@code cef} or {@code leef}). */
    public static List<Sample> parsed(String source) {
        String resource = "/samples/" + source + "/parsed.ndjson";
        try (InputStream in = SyslogSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            List<Sample> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode row = Json.parse(line);
                    out.add(new Sample(row.get("file").asText(), row.get("line").asInt(), (ObjectNode) row.get("event")));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first sample whose JSON text contains a marker. */
    public static ObjectNode find(String source, String marker) {
        return parsed(source).stream().filter(s -> s.event().toString().contains(marker)).findFirst()
                .orElseThrow(() -> new IllegalStateException(marker + " not in " + source)).event().deepCopy();
    }

    public static AlertEnriched enriched(SourceFormat format, ObjectNode event, Enrichment enrichment) {
        return new AlertEnriched(format, null, event.path("extension").path("src").asText(null), RawJson.of(event), enrichment);
    }

    public static MappingContext context() {
        return new MappingContext(UUID.fromString("6f1c1e52-3a4b-4c5d-8e9f-0a1b2c3d4e5f"), "acme", "corr-1",
                Instant.parse("2024-05-01T12:00:00Z"));
    }
}
