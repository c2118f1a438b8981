package io.protect.normalize.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.protect.model.events.IntelHit;
import io.protect.model.events.RiskAssessment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** EnrichmentView over enrichments in the AlertEnriched schema's shape, read by the wire's reader. */
class EnrichmentViewTest {

    private static final EnrichmentView FULL = new EnrichmentView(SuricataSamples.enrichment("222.186.56.46", "192.168.0.2", 72));

    @Test
    void geoIsTheEntryWhoseIpIsTheAddressWhateverItsRole() {
        assertEquals("Nanjing", FULL.geoFor("222.186.56.46", true).orElseThrow().city());
        assertEquals(1.0, FULL.geoFor("192.168.0.2", false).orElseThrow().latitude());
        // The address decides, not the side the mapper asks for.
        assertEquals("Nanjing", FULL.geoFor("222.186.56.46", false).orElseThrow().city());
        assertEquals(Optional.empty(), FULL.geoFor("10.9.9.9", true));
        assertEquals(Optional.empty(), FULL.geoFor(null, true));
    }

    @Test
    void anEntryWithoutIpDescribesTheAddressOfItsRole() {
        EnrichmentView view = new EnrichmentView(Enrichments.parse("""
                {"partial": false,
                 "geo": {"source": {"countryCode": "DE", "city": "Berlin"},
                         "destination": {"ip": "198.51.100.1", "countryCode": "US"}},
                 "risk": {"score": 0, "factors": []}}
                """));
        assertEquals("Berlin", view.geoFor("203.0.113.9", true).orElseThrow().city());
        assertEquals(Optional.empty(), view.geoFor("203.0.113.9", false), "the destination entry names another address");
        assertEquals("US", view.geoFor("198.51.100.1", false).orElseThrow().countryCode());
    }

    @Test
    void intelUserAssetRiskPartialAndMissing() {
        List<IntelHit> intel = FULL.intel();
        assertEquals(2, intel.size());
        assertEquals("222.186.56.46/32", intel.get(0).indicator());
        assertEquals("222.186.56.46", EnrichmentView.indicator(intel.get(0)), "what matched, not the CIDR");
        assertEquals("evil.example", EnrichmentView.indicator(new IntelHit("evil.example", "domain", null, 60, null, null)));
        assertEquals("srv-ssh-01", FULL.asset().orElseThrow().assetId());
        assertEquals(4, FULL.asset().orElseThrow().criticality());
        assertFalse(FULL.user().isPresent());
        assertEquals(72, FULL.riskScore().getAsInt());
        assertEquals(List.of(new RiskAssessment.Factor("intel-hit", 40), new RiskAssessment.Factor("asset-criticality", 32.5)),
                FULL.riskFactors());
        assertTrue(FULL.partial());
        assertEquals(List.of("user"), FULL.missing());
    }

    @Test
    void whatEnrichFoundNothingForIsEmptyButItsRiskIsThere() {
        EnrichmentView view = new EnrichmentView(Enrichments.nothingFound());
        assertEquals(Optional.empty(), view.geoFor("203.0.113.9", true));
        assertTrue(view.intel().isEmpty());
        assertFalse(view.user().isPresent());
        assertFalse(view.asset().isPresent());
        assertEquals(0, view.riskScore().getAsInt());
        assertTrue(view.riskFactors().isEmpty());
        assertFalse(view.partial());
        assertTrue(view.missing().isEmpty());
    }

    @Test
    void noEnrichmentAtAllReadsAsEmpty() {
        for (EnrichmentView view : List.of(EnrichmentView.none(), new EnrichmentView(Enrichments.none()))) {
            assertEquals(Optional.empty(), view.geoFor("203.0.113.9", true));
            assertTrue(view.intel().isEmpty());
            assertFalse(view.riskScore().isPresent());
            assertTrue(view.riskFactors().isEmpty());
            assertFalse(view.partial());
            assertTrue(view.missing().isEmpty());
            assertTrue(OcsfParts.enrichments(view, "203.0.113.9", null, "asset-1").isEmpty());
        }
    }
}
