package io.protect.ingest.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Source detection over real Suricata alerts and generic JSON. Pure. */
class SourceDetectorTest {

    static List<String> suricataLines() throws IOException {
        try (InputStream in = SourceDetectorTest.class.getResourceAsStream("/samples/suricata/wrccdc-2017-alerts-40.ndjson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @Test
    void everyRealSuricataAlertIsDetectedAsSuricataWithItsSourceIp() throws IOException {
        List<String> lines = suricataLines();
        assertEquals(40, lines.size());
        for (String line : lines) {
            JsonNode alert = Json.parse(line);
            assertEquals(SourceFormat.SURICATA, SourceDetector.detect(alert), line);
            assertEquals(Optional.of(alert.get("src_ip").asText()), SourceFormats.sourceIp(SourceFormat.SURICATA, alert));
        }
    }

    @Test
    void otherJsonIsGeneric() {
        JsonNode generic = Json.parse("{\"source_ip\":\"192.0.2.1\",\"message\":\"login failed\",\"timestamp\":\"x\"}");
        assertEquals(SourceFormat.GENERIC, SourceDetector.detect(generic));
        assertEquals(Optional.of("192.0.2.1"), SourceFormats.sourceIp(SourceFormat.GENERIC, generic));
        // event_type alone is not Suricata: the network fields are missing.
        assertEquals(SourceFormat.GENERIC, SourceDetector.detect(Json.parse("{\"event_type\":\"x\",\"timestamp\":\"t\"}")));
    }

    @Test
    void sourceNamesParse() {
        assertEquals(Optional.of(SourceFormat.SURICATA), SourceFormat.byName(" Suricata "));
        assertEquals(Optional.empty(), SourceFormat.byName("zeek-but-not-yet"));
    }
}
