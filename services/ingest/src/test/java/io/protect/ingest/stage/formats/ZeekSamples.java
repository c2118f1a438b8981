package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The real Zeek samples of src/test/resources/samples/zeek (see SOURCES.md there), JSON and TSV. */
final class ZeekSamples {

    /** Every sample file: Zeek JSON (.ndjson) and Zeek TSV (.log); the log type is the name's suffix. */
    static final List<String> FILES = List.of(
            "ocsf-examples-conn.ndjson", "ocsf-examples-dns.ndjson", "ocsf-examples-files.ndjson",
            "ocsf-examples-http.ndjson", "ocsf-examples-kerberos.ndjson", "ocsf-examples-smtp.ndjson",
            "ocsf-examples-ssh.ndjson", "ocsf-examples-ssl.ndjson", "ocsf-examples-weird.ndjson",
            "ocsf-examples-x509.ndjson", "otrf-apt29-day1-conn.ndjson", "otrf-apt29-day1-dns.ndjson",
            "otrf-apt29-day1-files.ndjson", "otrf-apt29-day1-http.ndjson", "otrf-apt29-day1-notice.ndjson",
            "otrf-apt29-day1-smb_files.ndjson", "otrf-apt29-day1-ssl.ndjson", "otrf-lsass01-conn.log",
            "otrf-lsass01-dns.log", "otrf-lsass01-files.log", "otrf-lsass01-http.log", "otrf-lsass01-kerberos.log",
            "otrf-lsass01-ssl.log", "otrf-lsass01-weird.log", "otrf-lsass01-x509.log");

    /** One record, where it came from and the log type its file holds. */
    record Sample(String file, int index, String logType, ObjectNode record) {
        @Override
        public String toString() {
            return file + "#" + index;
        }
    }

    private ZeekSamples() {
    }

    static String text(String resource) {
        try (InputStream in = ZeekSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing sample " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record of every file, TSV files through {@link ZeekTsvParser}. */
    static List<Sample> all() {
        List<Sample> out = new ArrayList<>();
        for (String file : FILES) {
            String type = file.substring(file.lastIndexOf('-') + 1, file.lastIndexOf('.'));
            String body = text("/samples/zeek/" + file);
            List<ObjectNode> records = new ArrayList<>();
            if (file.endsWith(".log")) {
                records.addAll(ZeekTsvParser.parse(body));
            } else {
                for (String line : body.split("\n")) {
                    if (!line.isBlank()) {
                        JsonNode n = Json.parse(line);
                        records.add((ObjectNode) n);
                    }
                }
            }
            for (int i = 0; i < records.size(); i++) {
                out.add(new Sample(file, i + 1, type, records.get(i)));
            }
        }
        return out;
    }
}
