package io.protect.normalize.mapping.okta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.Enrichment;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.wire.RawJson;
import io.protect.normalize.mapping.Enrichments;
import io.protect.normalize.mapping.MappingContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Loads the NDJSON samples of src/test/resources/samples/&lt;source&gt; (one JSON object a line). */
public final class SourceSamples {

    /** One sample event and where it came from. */
    public record Sample(String file, int line, ObjectNode event) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    private SourceSamples() {
    }

    /** Every event of the listed files of a samples folder, in file order. */
    public static List<Sample> load(String source, List<String> files) {
        List<Sample> out = new ArrayList<>();
        for (String file : files) {
            String resource = "/samples/" + source + "/" + file;
            try (InputStream in = SourceSamples.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing sample " + resource);
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String text;
                int n = 0;
                while ((text = r.readLine()) != null) {
                    n++;
                    if (!text.isBlank()) {
                        out.add(new Sample(file, n, (ObjectNode) Json.parse(text)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The AlertEnriched of an event without enrichment. */
    public static AlertEnriched enriched(SourceFormat sourceFormat, JsonNode event) {
        return new AlertEnriched(sourceFormat, null, null, RawJson.of(event), Enrichments.none());
    }

    /** The AlertEnriched of an event with an enrichment. */
    public static AlertEnriched enriched(SourceFormat sourceFormat, JsonNode event, String sourceIp, Enrichment enrichment) {
        return new AlertEnriched(sourceFormat, null, sourceIp, RawJson.of(event), enrichment);
    }

    /**
     * An enrichment as enrich writes it (geo for the address, an intel hit on it, asset, user and
     * risk with factors), for an event whose main address is {@code ip}.
     */
    public static Enrichment enrichment(String ip) {
        return Enrichments.parse("""
                {"partial": false,
                 "geo": {"source": {"ip": "%s", "countryCode": "NL", "city": "Amsterdam", "latitude": 52.37,
                                     "longitude": 4.89, "asn": 64500, "asOrganization": "Example AS"}},
                 "intel": [{"indicator": "%s", "type": "ip", "threat": "scanner", "confidence": 80, "source": "feed-a"}],
                 "asset": {"assetId": "asset-1", "hostname": "host-1", "criticality": 3},
                 "user": {"userName": "jdoe", "department": "IT"},
                 "risk": {"score": 64, "factors": [{"name": "intel-hit", "contribution": 40},
                                                   {"name": "asset-criticality", "contribution": 24}]}}
                """.formatted(ip, ip));
    }

    /** A fixed mapping context. */
    public static MappingContext context() {
        return new MappingContext(UUID.fromString("6f1c1e52-3a4b-4c5d-8e9f-0a1b2c3d4e5f"), "acme", "corr-1",
                Instant.parse("2024-05-01T12:00:00Z"));
    }
}
