package io.protect.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.Enrichment;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.wire.RawJson;
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

/** The real Suricata EVE samples of src/test/resources/samples/suricata (see SOURCES.md there). */
public final class SuricataSamples {

    /** The sample files. */
    public static final List<String> FILES = List.of("first-org-conf-2015-alerts.ndjson",
            "sekoia-intake-formats-eve.ndjson", "suricata-verify-eve.ndjson", "wrccdc-2017-alerts.ndjson");

    /** One EVE record and where it came from. */
    public record Sample(String file, int line, ObjectNode eve) {
        @Override
        public String toString() {
            return file + ":" + line + " sid " + eve.path("alert").path("signature_id").asText();
        }
    }

    private SuricataSamples() {
    }

    /** Every record with {@code event_type} alert, in file order. */
    public static List<Sample> alerts() {
        List<Sample> out = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = SuricataSamples.class.getResourceAsStream("/samples/suricata/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing sample " + file);
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String text;
                int n = 0;
                while ((text = r.readLine()) != null) {
                    n++;
                    if (text.isBlank()) {
                        continue;
                    }
                    JsonNode eve = Json.parse(text);
                    if ("alert".equals(eve.path("event_type").asText())) {
                        out.add(new Sample(file, n, (ObjectNode) eve));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The first alert of a file whose text contains a marker. */
    public static ObjectNode find(String file, String marker) {
        return alerts().stream().filter(s -> s.file().equals(file) && s.eve().toString().contains(marker))
                .findFirst().orElseThrow(() -> new IllegalStateException(marker + " not in " + file)).eve().deepCopy();
    }

    /**
     * An enrichment as enrich writes it (geo by role, intel hits with confidence and the matched
     * observable, asset and user context, risk with factors) for an alert's addresses.
     */
    public static Enrichment enrichment(String srcIp, String dstIp, int risk) {
        return Enrichments.parse("""
                {"partial": true, "missing": ["user"],
                 "geo": {"source": {"ip": "%s", "countryCode": "CN", "region": "Jiangsu", "city": "Nanjing",
                                     "latitude": 32.0617, "longitude": 118.7778, "asn": 4134, "asOrganization": "Chinanet"},
                         "destination": {"ip": "%s", "latitude": 1.0, "longitude": 2.0}},
                 "intel": [{"indicator": "%s/32", "type": "cidr", "threat": "ssh-bruteforce", "confidence": 85,
                            "source": "blocklist-de", "matched": "%s"},
                           {"indicator": "evil.example", "type": "domain", "threat": "c2", "confidence": 60,
                            "source": "urlhaus", "matched": "evil.example"}],
                 "asset": {"assetId": "srv-ssh-01", "ip": "%s", "hostname": "ssh01", "criticality": 4,
                           "owner": "infra", "environment": "production"},
                 "risk": {"score": %d, "factors": [{"name": "intel-hit", "contribution": 40},
                                                   {"name": "asset-criticality", "contribution": 32.5}]}}
                """.formatted(srcIp, dstIp, srcIp, srcIp, dstIp, risk));
    }

    /** The AlertEnriched of a Suricata alert. */
    public static AlertEnriched enriched(ObjectNode eve, Enrichment enrichment) {
        return new AlertEnriched(SourceFormat.SURICATA, null, eve.path("src_ip").asText(null), RawJson.of(eve), enrichment);
    }

    /** A fixed mapping context. */
    public static MappingContext context() {
        return new MappingContext(UUID.fromString("6f1c1e52-3a4b-4c5d-8e9f-0a1b2c3d4e5f"), "acme", "corr-1",
                Instant.parse("2024-05-01T12:00:00Z"));
    }
}
