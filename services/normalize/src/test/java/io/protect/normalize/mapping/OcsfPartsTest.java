package io.protect.normalize.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.GeoLocation;
import io.protect.model.events.IntelHit;
import io.protect.model.json.Json;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.ScoreId;
import io.protect.ocsf.model.objects.AutonomousSystem;
import io.protect.ocsf.model.objects.Enrichment;
import io.protect.ocsf.model.objects.Location;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Reputation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OcsfParts from enrich's typed answers to OCSF objects (the choices in its class comment). */
class OcsfPartsTest {

    private static final GeoLocation NANJING = new GeoLocation("222.186.56.46", "CN", "Jiangsu", "Nanjing", 32.0617, 118.7778,
            4134L, "Chinanet");

    @Test
    void anEndpointTakesLocationAndAutonomousSystemFromItsGeo() {
        NetworkEndpoint e = OcsfParts.endpoint("222.186.56.46", 4904, Optional.of(NANJING));
        assertEquals("222.186.56.46", e.ip());
        assertEquals(4904, e.port());
        Location l = e.location();
        assertEquals("CN", l.country());
        assertEquals("Jiangsu", l.region());
        assertEquals("Nanjing", l.city());
        assertEquals(32.0617, l.lat());
        assertEquals(118.7778, l.long_());
        assertEquals(4134, e.autonomousSystem().number());
        assertEquals("Chinanet", e.autonomousSystem().name());
        assertNull(e.isp(), "enrich's geo has no ISP");
        NetworkEndpoint bare = OcsfParts.endpoint("10.0.0.1", null, Optional.empty());
        assertNull(bare.location());
        assertNull(bare.autonomousSystem());
    }

    @Test
    void coordinatesAloneAreNoLocation() {
        assertEquals(Optional.empty(), OcsfParts.location(new GeoLocation("192.0.2.1", null, null, null, 1.0, 2.0, null, null)));
        assertEquals(Optional.empty(), OcsfParts.location(new GeoLocation("192.0.2.1", " ", "", null, 1.0, 2.0, null, null)));
        Location regionOnly = OcsfParts.location(new GeoLocation("192.0.2.1", null, "Bavaria", null, null, null, null, null))
                .orElseThrow();
        assertEquals("Bavaria", regionOnly.region());
        assertNull(regionOnly.lat());
    }

    @Test
    void autonomousSystemFromAsnAndOrganization() {
        assertEquals(Optional.empty(), OcsfParts.autonomousSystem(new GeoLocation("192.0.2.1", "US", null, null, null, null, null, null)));
        AutonomousSystem nameOnly = OcsfParts.autonomousSystem(
                new GeoLocation("192.0.2.1", null, null, null, null, null, null, "Example AS")).orElseThrow();
        assertNull(nameOnly.number());
        assertEquals("Example AS", nameOnly.name());
        // A 32-bit ASN above OCSF's integer range keeps its name only; without a name there is nothing to map.
        AutonomousSystem large = OcsfParts.autonomousSystem(
                new GeoLocation("192.0.2.1", null, null, null, null, null, 4_200_000_000L, "Private")).orElseThrow();
        assertNull(large.number());
        assertEquals(Optional.empty(), OcsfParts.autonomousSystem(
                new GeoLocation("192.0.2.1", null, null, null, null, null, 4_200_000_000L, null)));
    }

    @Test
    void reputationIsTheHitsConfidenceAndFeed() {
        Reputation r = OcsfParts.reputation(new IntelHit("203.0.113.7", "ip", "scanner", 85, "blocklist-de", null));
        assertEquals(85.0, r.baseScore());
        assertEquals(ScoreId.PROBABLY_MALICIOUS, r.scoreId());
        assertEquals(ScoreId.PROBABLY_MALICIOUS.caption(), r.score());
        assertEquals("blocklist-de", r.provider());
        assertEquals(ScoreId.VERY_SAFE, OcsfParts.reputation(new IntelHit("x", null, null, 0, null, null)).scoreId());
        assertEquals(ScoreId.MALICIOUS, OcsfParts.reputation(new IntelHit("x", null, null, 100, null, null)).scoreId());
        assertNull(OcsfParts.reputation(new IntelHit("x", null, null, 50, null, null)).provider());
    }

    @Test
    void anObservableGetsTheReputationOfItsStrongestHit() {
        EnrichmentView view = new EnrichmentView(Enrichments.parse("""
                {"partial": false,
                 "intel": [{"indicator": "203.0.113.0/24", "type": "cidr", "confidence": 40, "source": "feed-a",
                            "matched": "203.0.113.7"},
                           {"indicator": "203.0.113.7", "type": "ip", "confidence": 90, "source": "feed-b"}],
                 "risk": {"score": 50, "factors": []}}
                """));
        Observable o = OcsfParts.observable("src_endpoint.ip", ObservableTypeId.IP_ADDRESS, "203.0.113.7", view);
        assertEquals(90.0, o.reputation().baseScore());
        assertEquals("feed-b", o.reputation().provider());
        assertNull(OcsfParts.observable("dst_endpoint.ip", ObservableTypeId.IP_ADDRESS, "10.0.0.1", view).reputation());
    }

    @Test
    void intelObservablesAreTypedByTheHitsTypeOrTheValuesForm() {
        EnrichmentView view = new EnrichmentView(Enrichments.parse("""
                {"partial": false,
                 "intel": [{"indicator": "evil.example", "type": "domain", "confidence": 60},
                           {"indicator": "44d88612fea8a8f36de82e1278abb02f", "type": "md5", "confidence": 70},
                           {"indicator": "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f", "type": "sha256",
                            "confidence": 70},
                           {"indicator": "198.51.100.0/24", "type": "cidr", "confidence": 50, "matched": "198.51.100.9"},
                           {"indicator": "10.0.0.0/8", "type": "cidr", "confidence": 50},
                           {"indicator": "203.0.113.7", "type": "ip", "confidence": 80}],
                 "risk": {"score": 50, "factors": []}}
                """));
        Observable existing = OcsfParts.observable("src_endpoint.ip", ObservableTypeId.IP_ADDRESS, "203.0.113.7", view);
        List<Observable> added = OcsfParts.intelObservables(view, List.of(existing));
        assertEquals(List.of("evil.example", "44d88612fea8a8f36de82e1278abb02f",
                "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f", "198.51.100.9", "10.0.0.0/8"),
                added.stream().map(Observable::value).toList(), "an indicator already observed is not repeated");
        assertEquals(List.of(ObservableTypeId.HOSTNAME, ObservableTypeId.HASH, ObservableTypeId.HASH,
                ObservableTypeId.IP_ADDRESS, ObservableTypeId.OTHER), added.stream().map(Observable::typeId).toList());
        assertTrue(added.stream().allMatch(o -> o.reputation() != null && "enrichments.value".equals(o.name())));
    }

    @Test
    void enrichmentsKeepEachTypedAnswerWholeInData() {
        var source = SuricataSamples.enrichment("222.186.56.46", "192.168.0.2", 72);
        List<Enrichment> out = OcsfParts.enrichments(new EnrichmentView(source), "222.186.56.46", "192.168.0.2", "asset-x");
        assertEquals(List.of("location", "location", "threat_intel", "threat_intel", "asset", "risk"),
                out.stream().map(Enrichment::type).toList());

        Enrichment srcGeo = out.get(0);
        assertEquals("src_endpoint.ip", srcGeo.name());
        assertEquals("222.186.56.46", srcGeo.value());
        assertEquals(OcsfParts.DEFAULT_PROVIDER, srcGeo.provider());
        assertEquals(source.geo().get("source").toJson(), srcGeo.data());
        assertEquals("dst_endpoint.ip", out.get(1).name());
        assertEquals(source.geo().get("destination").toJson(), out.get(1).data(), "coordinates alone stay here");

        Enrichment cidrHit = out.get(2);
        assertEquals("src_endpoint.ip", cidrHit.name());
        assertEquals("222.186.56.46", cidrHit.value(), "the matched address, not the CIDR");
        assertEquals("blocklist-de", cidrHit.provider());
        assertEquals("ssh-bruteforce", cidrHit.shortDesc());
        assertEquals(85.0, cidrHit.reputation().baseScore());
        assertEquals(source.intel().get(0).toJson(), cidrHit.data());
        assertEquals("222.186.56.46/32", cidrHit.data().path("indicator").asText());
        assertEquals("indicator", out.get(3).name());
        assertEquals("evil.example", out.get(3).value());

        Enrichment asset = out.get(4);
        assertEquals("asset", asset.name());
        assertEquals("srv-ssh-01", asset.value());
        assertEquals(source.asset().toJson(), asset.data());

        Enrichment risk = out.get(5);
        assertEquals("risk_score", risk.name());
        assertEquals("72", risk.value());
        JsonNode data = risk.data();
        assertEquals(source.risk().toJson(), data.path("risk"));
        assertEquals(32.5, data.at("/risk/factors/1/contribution").asDouble());
        assertTrue(data.path("partial").asBoolean());
        assertEquals(Json.parse("[\"user\"]"), data.path("missing"));
    }

    @Test
    void userAndAssetNameTheirValueAndRiskOmitsAnEmptyMissing() {
        EnrichmentView view = new EnrichmentView(Enrichments.parse("""
                {"partial": false, "missing": [],
                 "user": {"userId": "u-17", "department": "IT", "riskScore": 20, "privileged": true},
                 "asset": {"hostname": "ws-04", "criticality": 2},
                 "risk": {"score": 12, "factors": [{"name": "privileged-user", "contribution": 12}]}}
                """));
        List<Enrichment> out = OcsfParts.enrichments(view, null, null, "asset-9");
        assertEquals(List.of("asset", "user", "risk"), out.stream().map(Enrichment::type).toList());
        assertEquals("ws-04", out.get(0).value(), "no assetId: the hostname");
        assertEquals("u-17", out.get(1).value(), "no userName: the userId");
        assertTrue(out.get(1).data().path("privileged").asBoolean());
        assertFalse(out.get(2).data().has("missing"));
        assertFalse(out.get(2).data().path("partial").asBoolean());
        assertEquals("privileged-user +12", OcsfParts.riskDetails(view));

        EnrichmentView anonymous = new EnrichmentView(Enrichments.parse("""
                {"partial": false, "user": {"department": "IT"}, "asset": {"criticality": 2},
                 "risk": {"score": 0, "factors": []}}
                """));
        List<Enrichment> unnamed = OcsfParts.enrichments(anonymous, null, null, "asset-9");
        assertEquals("asset-9", unnamed.get(0).value(), "no id or hostname: the payload's asset");
        assertEquals("unknown", unnamed.get(1).value());
        assertNull(OcsfParts.riskDetails(anonymous));
    }
}
