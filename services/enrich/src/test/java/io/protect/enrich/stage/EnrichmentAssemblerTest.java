package io.protect.enrich.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.enrich.AlertEnriched;
import io.protect.model.events.AlertReceived;
import io.protect.enrich.AssetContext;
import io.protect.enrich.LookupResult;
import io.protect.enrich.Observables;
import io.protect.enrich.UserContext;
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
        return new AlertReceived("suricata", assetId, null, alert);
    }

    private static Observables observables(AlertReceived in) {
        return ObservableExtractor.extract(in.sourceFormat(), in.sourceIp(), in.alert());
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
        assertEquals(Json.parse(Json.MAPPER.valueToTree(in.alert()).toString()), out.alert());
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
    void thePayloadJsonIsWhatTheMapperWritesWithTheAlertNotCopied() throws IOException {
        AlertReceived in = scan(null);
        for (AlertEnriched out : List.of(
                EnrichmentAssembler.assemble(in, observables(in), null, List.of(), LookupResult.unavailable(),
                        LookupResult.<UserContext>unavailable()),
                EnrichmentAssembler.assemble(in, observables(in), Map.of(), List.of(),
                        LookupResult.found(Optional.of(WEB)), LookupResult.<UserContext>none()))) {
            assertEquals(Json.MAPPER.valueToTree(out), out.toJson());
            assertSame(out.alert(), out.toJson().get("alert"));
        }
    }
}
