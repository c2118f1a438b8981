package io.protect.score.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test samples of src/test/resources/samples (attribution in each folder's SOURCES.md). */
public final class Samples {

    private Samples() {
    }

    /** The Detection Finding normalize makes of a real Suricata alert with enrichment. */
    public static ObjectNode suricataFinding() {
        return (ObjectNode) Json.parse(read("/samples/suricata-ocsf/detection-finding.json"));
    }

    /** The 43 real OCSF 1.8.0 events of the ocsf/examples repository. */
    public static List<JsonNode> ocsfExamples() {
        List<JsonNode> out = new ArrayList<>();
        for (String line : read("/samples/ocsf-valid/ocsf-examples-valid-1.8.ndjson").split("\n")) {
            if (!line.isBlank()) {
                out.add(Json.parse(line));
            }
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
