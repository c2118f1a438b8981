package io.protect.tools.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protect.model.envelope.EnvelopeCodec;
import io.protect.model.envelope.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load's request bodies and the baseline's record values, made from the same generated alerts. Real shared-model codec. */
class AlertPoolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void batchesAreNdjsonOfTheBatchSizeAndTenantsTakeTurns() throws Exception {
        AlertPool pool = new AlertPool(250, 7);
        List<LoadGenerator.Batch> batches = pool.batches(100);
        assertEquals(3, batches.size(), "enough batches to send every alert once");
        for (int i = 0; i < batches.size(); i++) {
            LoadGenerator.Batch b = batches.get(i);
            assertEquals(i % 2 == 0 ? "acme-local-token" : "globex-local-token", b.token());
            String[] lines = new String(b.body(), StandardCharsets.UTF_8).split("\n");
            assertEquals(100, lines.length);
            assertEquals(100, b.alerts());
            for (String line : lines) {
                assertTrue(JSON.readTree(line).isObject());
            }
        }
    }

    @Test
    void recordValuesAreValidAlertReceivedEnvelopesOnOneLineEach() {
        AlertPool pool = new AlertPool(60, 7);
        List<byte[]> values = pool.envelopes();
        assertEquals(60, values.size());
        for (int i = 0; i < values.size(); i++) {
            String text = new String(values.get(i), StandardCharsets.UTF_8);
            assertTrue(!text.contains("\n"), "one line per record value");
            EventEnvelope e = EnvelopeCodec.defaultCodec().decode(values.get(i));
            assertEquals("AlertReceived", e.eventType());
            JsonNode data = e.data();
            assertEquals(pool.alerts().get(i).sourceFormat(), data.path("sourceFormat").asText());
            // By text: numbers read back from the wire may be ints where the generator wrote longs.
            assertEquals(pool.alerts().get(i).alert().toString(), data.path("alert").toString());
        }
    }

    @Test
    void thePoolMixesFiveSources() {
        String described = new AlertPool(2_000, 42).describe();
        for (String source : List.of("suricata", "generic", "okta", "cloudtrail", "zeek")) {
            assertTrue(described.contains(source), described);
        }
    }
}
