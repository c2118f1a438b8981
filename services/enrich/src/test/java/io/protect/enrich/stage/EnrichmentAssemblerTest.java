package io.protect.enrich.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.SourceFormat;
import io.protect.model.wire.RawJson;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.AlertReceived;
import io.protect.model.events.AssetContext;
import io.protect.enrich.LookupResult;
import io.protect.enrich.Observables;
import io.protect.model.events.UserContext;
import io.protect.model.json.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Assembling the enriched alert from lookup answers. Real: the assembler and a Suricata sample alert. */
class EnrichmentAssemblerTest {

    private static final AssetContext WEB = new AssetContext("acme-web-01", "192.168.0.2", "web01", 5, "ops", "production");

    private static AlertReceived scan(String assetId) throws IOException {
        ObjectNode alert = (ObjectNode) ObservableExtractorTest.sample("first-org-conf-2015-alerts.ndjson").get(0);
        return new AlertReceived(SourceFormat.SURICATA, assetId, null, RawJson.ofBytes(alert.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Observables observables(AlertReceived in) {
        return ObservableExtractor.extract(in.sourceFormat(), in.sourceIp(), in.alert().object());
    }

    @Test
    void failedLookupsMakeThePartialFlagAndTheMissingList() throws IOException {
        AlertReceived in = scan(null);
        AlertEnriched out = EnrichmentAssembler.assemble(in, observables(in), null, List.of(),
                LookupResult.unavailable(), LookupResult.<UserContext>unavailable());
        assertTrue(out.enrichment().partial());
        assertEquals(List.of("geo", "asset", "user"), out.enrichment().missing());
        assertNull(out.enrichment().asset());
        assertEquals(20, out.enrichment().risk().score(), "severity still scores");
        assertSame(in.alert(), out.alert(), "the alert goes on as it came");
    }

    @Test
    void nothingFoundIsNotMissing() throws IOException {
        AlertReceived in = scan(null);
        AlertEnriched out = EnrichmentAssembler.assemble(in, observables(in), Map.of(), List.of(),
                LookupResult.none(), LookupResult.<UserContext>none());
        assertFalse(out.enrichment().partial());
        assertEquals(List.of(), out.enrichment().missing());
        assertNull(out.enrichment().geo(), "an empty geo map is left out");
    }

    @Test
    void theFoundAssetAndTheAlertsSourceFillTheKeyFieldsUnlessIngestSetThem() throws IOException {
        AlertReceived in = scan(null);
        AlertEnriched out = EnrichmentAssembler.assemble(in, observables(in), Map.of(), List.of(),
                LookupResult.found(Optional.of(WEB)), LookupResult.<UserContext>none());
        assertEquals("acme-web-01", out.assetId());
        assertEquals("222.186.56.46", out.sourceIp());
        assertEquals(35, out.enrichment().risk().score()); // 20 severity + 15 criticality

        AlertReceived keyed = scan("asset-from-ingest");
        assertEquals("asset-from-ingest", EnrichmentAssembler.assemble(keyed, observables(keyed), Map.of(), List.of(),
                LookupResult.found(Optional.of(WEB)), LookupResult.<UserContext>none()).assetId());
    }

    @Test
    void theAlertGoesOnAsTheBytesItCameInAndThePayloadIsWhatTheSchemaDescribes() throws IOException {
        AlertReceived in = scan(null);
        AlertEnriched out = EnrichmentAssembler.assemble(in, observables(in), Map.of(), List.of(),
                LookupResult.found(Optional.of(WEB)), LookupResult.<UserContext>none());
        assertTrue(out.alert().isBytes(), "read to find its observables, never written again");
        var event = new io.protect.model.envelope.EnvelopeFactory(new io.protect.model.envelope.EventEnvelope.Source("t",
                "1", "t")).createEvent(io.protect.model.events.EventType.ALERT_ENRICHED,
                new io.protect.model.envelope.EventEnvelope.Tenant("acme", null), out, null);
        byte[] bytes = io.protect.model.wire.EventCodec.encode(event, AlertEnriched.CODEC);
        assertEquals(List.of(), io.protect.model.schema.EventSchemaRegistry.defaultRegistry().validate(Json.parse(bytes)));
        assertEquals(in.alert().tree(), Json.parse(bytes).path("data").path("alert"));
    }
}
