package io.protect.enrich.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ASN range lookup by binary search. Real: the table; the lines are in the ip-location-db format
 * (the first IPv4 line is copied from asn-ipv4-num.csv).
 */
class AsnTableTest {

    private static InetAddress ip(String s) {
        return IpAddresses.parse(s).orElseThrow();
    }

    @Test
    void findsTheRangeHoldingAnAddressAndNothingInGaps() {
        AsnTable t = AsnTable.of(List.of(
                "16777216,16777471,13335,\"Cloudflare, Inc.\"", // 1.0.0.0 - 1.0.0.255
                "134744064,134744319,15169,Google LLC",       // 8.8.8.0 - 8.8.8.255
                "16778240,16779263,38803,Gtelecom Pty Ltd"));  // out of order on purpose: 1.0.4.0 - 1.0.7.255
        assertEquals(3, t.size());
        assertEquals(new AsnTable.Asn(13335, "Cloudflare, Inc."), t.lookup(ip("1.0.0.1")).orElseThrow());
        assertEquals(13335, t.lookup(ip("1.0.0.0")).orElseThrow().number());
        assertEquals(13335, t.lookup(ip("1.0.0.255")).orElseThrow().number());
        assertEquals(38803, t.lookup(ip("1.0.5.5")).orElseThrow().number());
        assertEquals(15169, t.lookup(ip("8.8.8.8")).orElseThrow().number());
        assertTrue(t.lookup(ip("1.0.1.0")).isEmpty());
        assertTrue(t.lookup(ip("0.255.255.255")).isEmpty());
        assertTrue(t.lookup(ip("9.9.9.9")).isEmpty());
    }

    @Test
    void handlesIpv6RangesAcrossTheSignBitOfLongs() {
        AsnTable t = AsnTable.of(List.of(
                // 2001:470::/32 (Hurricane Electric)
                "42540578165168458964837862691227828224,42540578244396621479102200284771778559,6939,Hurricane Electric LLC",
                // fc00::/7 is above 2^127: the high half is negative as a signed long
                "334965454937798799971759379190646833152,337623910929368631717566993311207522303,64512,Private"));
        assertEquals(6939, t.lookup(ip("2001:470::1")).orElseThrow().number());
        assertEquals(64512, t.lookup(ip("fd00::1")).orElseThrow().number());
        assertTrue(t.lookup(ip("2001:471::1")).isEmpty());
    }

    @Test
    void skipsHeaderAndDamagedLines() {
        AsnTable t = AsnTable.of(List.of("first,last,asn,org", "", "1,2", "x,y,z,w", "16777216,16777471,13335,Cloudflare"));
        assertEquals(1, t.size());
    }

    @Test
    void emptyTableFindsNothing() {
        assertTrue(AsnTable.empty().lookup(ip("8.8.8.8")).isEmpty());
    }
}
