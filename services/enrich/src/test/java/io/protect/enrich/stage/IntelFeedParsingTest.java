package io.protect.enrich.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.protect.enrich.Indicator;
import io.protect.enrich.IndicatorType;
import io.protect.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** STIX 2.1 and CSV feed parsing. Real: the parsers and the default feeds shipped in the jar. */
class IntelFeedParsingTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static String indicator(String id, String pattern, String extra) {
        return """
                {"type":"indicator","spec_version":"2.1","id":"indicator--%s","created":"2025-01-01T00:00:00Z",
                 "modified":"2025-01-01T00:00:00Z","name":"threat-%s","pattern":"%s","pattern_type":"stix",
                 "valid_from":"2025-01-01T00:00:00Z"%s}""".formatted(id, id, pattern.replace("'", "\\u0027"), extra);
    }

    private static ParsedFeed stix(String... indicators) {
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[" + String.join(",", indicators) + "]}";
        return StixBundleParser.parse(Json.parse(bundle), "test.json", NOW);
    }

    @Test
    void stixPatternsOfEachSupportedKindBecomeIndicators() {
        ParsedFeed feed = stix(
                indicator("1", "[ipv4-addr:value = '198.51.100.7']", ",\"confidence\":90"),
                indicator("2", "[domain-name:value = 'Evil.Example']", ""),
                indicator("3", "[file:hashes.'SHA-256' = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']", ""),
                indicator("4", "[ipv4-addr:value ISSUBSET '203.0.113.77/24']", ""),
                indicator("5", "[file:hashes.MD5 = '951f1e07dfc3c2d16cc06d4841dc2f0a']", ""),
                indicator("6", "[ipv6-addr:value = '2001:0db8:0000:0000:0000:0000:0000:0bad']", ""));
        assertEquals(List.of(), feed.rejected());
        List<Indicator> i = feed.indicators();
        assertEquals(new Indicator(IndicatorType.IP, "198.51.100.7", "threat-1", 90, "test.json"), i.get(0));
        assertEquals(new Indicator(IndicatorType.DOMAIN, "evil.example", "threat-2", 50, "test.json"), i.get(1));
        assertEquals(IndicatorType.SHA256, i.get(2).type());
        assertEquals("a".repeat(64), i.get(2).value());
        // The network is normalized: host bits cleared.
        assertEquals(new Indicator(IndicatorType.CIDR, "203.0.113.0/24", "threat-4", 50, "test.json"), i.get(3));
        assertEquals(IndicatorType.MD5, i.get(4).type());
        assertEquals("2001:db8:0:0:0:0:0:bad", i.get(5).value());
    }

    @Test
    void orPatternsYieldOneIndicatorPerComparison() {
        ParsedFeed feed = stix(indicator("1", "[ipv4-addr:value = '198.51.100.1' OR ipv4-addr:value = '198.51.100.2']", ""));
        assertEquals(2, feed.indicators().size());
        assertEquals("198.51.100.2", feed.indicators().get(1).value());
    }

    @Test
    void patternsThatCannotBeMatchedExactlyAreRejectedNotWidened() {
        ParsedFeed feed = stix(
                indicator("1", "[ipv4-addr:value = '198.51.100.1' AND network-traffic:dst_port = 443]", ""),
                indicator("2", "[url:value = 'http://evil.example/x']", ""),
                indicator("3", "[domain-name:value LIKE '%.evil.example']", ""),
                indicator("4", "[ipv4-addr:value = 'not-an-ip']", ""));
        assertTrue(feed.indicators().isEmpty());
        assertEquals(4, feed.rejected().size());
    }

    @Test
    void revokedAndExpiredIndicatorsAreLeftOut() {
        ParsedFeed feed = stix(
                indicator("1", "[ipv4-addr:value = '198.51.100.1']", ",\"revoked\":true"),
                indicator("2", "[ipv4-addr:value = '198.51.100.2']", ",\"valid_until\":\"2025-06-01T00:00:00Z\""),
                indicator("3", "[ipv4-addr:value = '198.51.100.3']", ",\"valid_until\":\"2027-06-01T00:00:00Z\""));
        assertEquals(List.of("198.51.100.3"), feed.indicators().stream().map(Indicator::value).toList());
    }

    @Test
    void csvFeedsReadHeaderCommentsQuotesAndDefaults() {
        ParsedFeed feed = IndicatorCsvParser.parse(List.of(
                "type,value,threat,confidence",
                "# a comment",
                "ip,198.51.100.23,botnet,70",
                "cidr,203.0.113.0/25,\"hosting, bulletproof\",",
                "domain,Q.XFIL.PW.,exfil,75",
                "sha256,bogus,x,1",
                "url,http://x,y,1",
                "ip,198.51.100.24,x,high"), "feed.csv");
        assertEquals(3, feed.indicators().size());
        assertEquals(new Indicator(IndicatorType.CIDR, "203.0.113.0/25", "hosting, bulletproof", 50, "feed.csv"),
                feed.indicators().get(1));
        assertEquals("q.xfil.pw", feed.indicators().get(2).value());
        assertEquals(3, feed.rejected().size());
        assertTrue(feed.rejected().get(0).startsWith("feed.csv:6:"), feed.rejected().get(0));
    }

    @Test
    void theShippedDefaultFeedsParseCompletely() throws IOException {
        ParsedFeed stix = StixBundleParser.parse(Json.parse(resource("intel/default-feed.stix.json")), "default-feed.stix.json", NOW);
        ParsedFeed csv = IndicatorCsvParser.parse(resource("intel/default-feed.csv").lines().toList(), "default-feed.csv");
        assertEquals(List.of(), stix.rejected());
        assertEquals(List.of(), csv.rejected());
        assertEquals(6, stix.indicators().size());
        assertEquals(6, csv.indicators().size());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IntelFeedParsingTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
