package io.protect.enrich.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.protect.enrich.Indicator;
import io.protect.enrich.IndicatorType;
import io.protect.model.events.IntelHit;
import io.protect.enrich.Observables;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching alerts' observables against indicators, CIDR containment included. Real: everything. */
class IndicatorIndexTest {

    private final IndicatorIndex index = new IndicatorIndex(List.of(
            new Indicator(IndicatorType.IP, "198.51.100.7", "c2", 90, "a"),
            new Indicator(IndicatorType.CIDR, "203.0.113.0/24", "hosting", 60, "a"),
            new Indicator(IndicatorType.CIDR, "2001:db8:bad::/48", "hosting6", 55, "a"),
            new Indicator(IndicatorType.DOMAIN, "evil.example", "phish", 85, "b"),
            new Indicator(IndicatorType.SHA256, "ab".repeat(32), "malware", 95, "b")));

    private static Observables observables(String src, String dest, List<String> hosts, List<String> hashes) {
        return new Observables(src, dest, hosts, hashes, null, null);
    }

    @Test
    void exactAddressMatchesOnEitherSide() {
        List<IntelHit> hits = index.match(observables("10.0.0.1", "198.51.100.7", List.of(), List.of()));
        assertEquals(1, hits.size());
        assertEquals(new IntelHit("198.51.100.7", "ip", "c2", 90, "a", "198.51.100.7"), hits.get(0));
    }

    @Test
    void cidrMatchesAddressesInsideOnly() {
        assertEquals("203.0.113.0/24", index.match(observables("203.0.113.255", null, List.of(), List.of())).get(0).indicator());
        assertEquals("203.0.113.200", index.match(observables("203.0.113.200", null, List.of(), List.of())).get(0).matched());
        assertTrue(index.match(observables("203.0.114.0", "203.0.112.255", List.of(), List.of())).isEmpty());
        assertFalse(index.match(observables("2001:db8:bad:ffff::1", null, List.of(), List.of())).isEmpty());
        assertTrue(index.match(observables("2001:db8:bae::1", null, List.of(), List.of())).isEmpty());
    }

    @Test
    void aDomainMatchesItselfAndItsSubdomainsButNotLookalikes() {
        assertEquals(1, index.match(observables(null, null, List.of("evil.example"), List.of())).size());
        assertEquals("www.evil.example", index.match(observables(null, null, List.of("www.evil.example"), List.of())).get(0).matched());
        assertTrue(index.match(observables(null, null, List.of("notevil.example", "evil.example.org"), List.of())).isEmpty());
    }

    @Test
    void hashesMatchExactly() {
        assertEquals("malware", index.match(observables(null, null, List.of(), List.of("ab".repeat(32)))).get(0).threat());
        assertTrue(index.match(observables(null, null, List.of(), List.of("cd".repeat(32)))).isEmpty());
    }

    @Test
    void cidrParsingRejectsMalformedNetworks() {
        assertTrue(Cidr.parse("203.0.113.0/33").isEmpty());
        assertTrue(Cidr.parse("evil.example/24").isEmpty());
        assertTrue(Cidr.parse("203.0.113.0/x").isEmpty());
        assertEquals("10.0.0.0/8", Cidr.parse("10.1.2.3/8").orElseThrow().toString());
    }
}
