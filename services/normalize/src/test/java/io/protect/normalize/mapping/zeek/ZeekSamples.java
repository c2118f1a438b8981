package io.protect.normalize.mapping.zeek;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.Enrichment;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.wire.RawJson;
import io.protect.normalize.mapping.Enrichments;
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
 * The real Zeek samples of src/test/resources/samples/zeek (see SOURCES.md there). JSON logs are
 * read with Jackson; TSV logs are read as ingest's ZeekTsvParser output
 * ({@code <file>.parsed.ndjson}, kept identical to the parser by ingest's ZeekTsvFixturesTest),
 * which is what normalize receives in production.
 */
final class ZeekSamples {

    /** Every sample file; the log type is the name's last {@code -} part. */
    static final List<String> FILES = List.of(
            "ocsf-examples-conn.ndjson", "ocsf-examples-dns.ndjson", "ocsf-examples-files.ndjson",
            "ocsf-examples-http.ndjson", "ocsf-examples-kerberos.ndjson", "ocsf-examples-smtp.ndjson",
            "ocsf-examples-ssh.ndjson", "ocsf-examples-ssl.ndjson", "ocsf-examples-weird.ndjson",
            "ocsf-examples-x509.ndjson", "otrf-apt29-day1-conn.ndjson", "otrf-apt29-day1-dns.ndjson",
            "otrf-apt29-day1-files.ndjson", "otrf-apt29-day1-http.ndjson", "otrf-apt29-day1-notice.ndjson",
            "otrf-apt29-day1-smb_files.ndjson", "otrf-apt29-day1-ssl.ndjson", "otrf-lsass01-conn.log",
            "otrf-lsass01-dns.log", "otrf-lsass01-files.log", "otrf-lsass01-http.log", "otrf-lsass01-kerberos.log",
            "otrf-lsass01-ssl.log", "otrf-lsass01-weird.log", "otrf-lsass01-x509.log");

    /** One record, where it came from and the log type of its file. */
    record Sample(String file, int index, String logType, ObjectNode record) {
        @Override
        public String toString() {
            return file + "#" + index;
        }
    }

    private ZeekSamples() {
    }

    static List<Sample> all() {
        List<Sample> out = new ArrayList<>();
        for (String file : FILES) {
            String type = file.substring(file.lastIndexOf('-') + 1, file.lastIndexOf('.'));
            String resource = "/samples/zeek/" + (file.endsWith(".log") ? file + ".parsed.ndjson" : file);
            int i = 0;
            for (String line : read(resource).split("\n")) {
                if (!line.isBlank()) {
                    out.add(new Sample(file, ++i, type, (ObjectNode) Json.parse(line)));
                }
            }
        }
        return out;
    }

    /** The first record of a file whose text contains a marker. */
    static ObjectNode find(String file, String marker) {
        return all().stream().filter(s -> s.file().equals(file) && s.record().toString().contains(marker))
                .findFirst().orElseThrow(() -> new IllegalStateException(marker + " not in " + file)).record().deepCopy();
    }

    static String read(String resource) {
        try (InputStream in = ZeekSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AlertEnriched enriched(JsonNode record, Enrichment enrichment) {
        return new AlertEnriched(SourceFormat.ZEEK, null, null, RawJson.of(record), enrichment);
    }

    /** An enrichment as enrich writes it (geo, intel hit on the source, asset, risk). */
    static Enrichment enrichment(String srcIp, String dstIp, int risk) {
        return Enrichments.parse("""
                {"partial": false,
                 "geo": {"source": {"ip": "%s", "countryCode": "CN", "city": "Nanjing", "latitude": 32.06,
                                     "longitude": 118.77, "asn": 4134, "asOrganization": "Chinanet"},
                         "destination": {"ip": "%s", "countryCode": "US"}},
                 "intel": [{"indicator": "%s", "type": "ip", "threat": "scanner", "confidence": 80, "source": "feed"}],
                 "asset": {"assetId": "srv-01", "ip": "%s", "hostname": "srv01", "criticality": 3},
                 "risk": {"score": %d, "factors": [{"name": "intel-hit", "contribution": 40}]}}
                """.formatted(srcIp, dstIp, srcIp, dstIp, risk));
    }

    static MappingContext context() {
        return new MappingContext(UUID.fromString("6f1c1e52-3a4b-4c5d-8e9f-0a1b2c3d4e5f"), "acme", "corr-1",
                Instant.parse("2024-05-01T12:00:00Z"));
    }
}
