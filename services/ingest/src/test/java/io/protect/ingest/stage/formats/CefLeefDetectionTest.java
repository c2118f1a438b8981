package io.protect.ingest.stage.formats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** CefDetection and LeefDetection on every parsed CEF/LEEF sample and on the ingest Suricata samples. */
class CefLeefDetectionTest {

    @Test
    void cefEventsAreCefAndNotLeef() {
        for (CefLeefSamples.Line l : CefLeefSamples.validCef()) {
            JsonNode cef = CefParser.parse(l.text());
            assertTrue(CefDetection.matches(cef), l::toString);
            assertFalse(LeefDetection.matches(cef), l::toString);
        }
    }

    @Test
    void leefEventsAreLeefAndNotCef() {
        for (CefLeefSamples.Line l : CefLeefSamples.leef()) {
            JsonNode leef = LeefParser.parse(l.text());
            assertTrue(LeefDetection.matches(leef), l::toString);
            assertFalse(CefDetection.matches(leef), l::toString);
        }
    }

    @Test
    void suricataEventsAreNeither() throws IOException {
        int n = 0;
        try (InputStream in = getClass().getResourceAsStream("/samples/suricata/wrccdc-2017-alerts-40.ndjson")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode eve = Json.parse(line);
                assertFalse(CefDetection.matches(eve), line);
                assertFalse(LeefDetection.matches(eve), line);
                n++;
            }
        }
        assertTrue(n > 0);
    }

    @Test
    void nearMissesAreRejected() {
        assertFalse(CefDetection.matches(null));
        assertFalse(CefDetection.matches(Json.parse("[]")));
        assertFalse(CefDetection.matches(Json.parse("{\"cefVersion\":\"0\",\"deviceVendor\":\"V\",\"deviceProduct\":\"P\","
                + "\"deviceVersion\":\"1\",\"signatureId\":\"1\",\"name\":\"n\",\"severity\":\"1\",\"extension\":{}}")),
                "the version is a number");
        assertFalse(CefDetection.matches(Json.parse("{\"cefVersion\":0,\"deviceVendor\":\"V\",\"deviceProduct\":\"P\","
                + "\"deviceVersion\":\"1\",\"signatureId\":\"1\",\"name\":\"n\",\"severity\":\"1\"}")), "no extension");
        assertFalse(LeefDetection.matches(Json.parse("{\"leefVersion\":\"3.0\",\"deviceVendor\":\"V\",\"deviceProduct\":\"P\","
                + "\"deviceVersion\":\"1\",\"eventId\":\"1\",\"extension\":{}}")));
        assertTrue(LeefDetection.matches(Json.parse("{\"leefVersion\":\"1.0\",\"deviceVendor\":\"V\",\"deviceProduct\":\"P\","
                + "\"deviceVersion\":\"1\",\"eventId\":\"1\",\"extension\":{}}")));
    }
}
