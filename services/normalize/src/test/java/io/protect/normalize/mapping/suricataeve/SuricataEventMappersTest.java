package io.protect.normalize.mapping.suricataeve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.Enrichment;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.model.ocsf.ValidationResult;
import io.protect.model.wire.RawJson;
import io.protect.normalize.mapping.Enrichments;
import io.protect.normalize.mapping.SuricataAlertMapper;
import io.protect.normalize.mapping.cef.LosslessCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SuricataEventMappers on every non-alert record of the real Suricata samples in
 * src/test/resources/samples/suricata (see SOURCES.md there); real OCSF validator, nothing faked.
 */
class SuricataEventMappersTest {

    static final List<String> FILES = List.of("first-org-conf-2015-alerts.ndjson", "sekoia-intake-formats-eve.ndjson",
            "suricata-verify-eve.ndjson", "wrccdc-2017-alerts.ndjson");

    /** The class each event type of the samples maps to (the table in SuricataEventMapper; the one fileinfo is HTTP). */
    static final Map<String, Integer> CLASS_BY_TYPE = Map.ofEntries(Map.entry("flow", 4001), Map.entry("netflow", 4001),
            Map.entry("dns", 4003), Map.entry("http", 4002), Map.entry("tls", 4001), Map.entry("fileinfo", 4002),
            Map.entry("anomaly", 4001), Map.entry("ftp", 4008), Map.entry("smb", 4006), Map.entry("ssh", 4007),
            Map.entry("rdp", 4005), Map.entry("ldap", 4001), Map.entry("dnp3", 4001), Map.entry("stats", 0));

    /** Source paths read into epoch times or OCSF enumerations (activity ids), so not findable as text. */
    static final Set<String> TIMES = Set.of("timestamp", "flow.start", "flow.end", "tls.notbefore", "tls.notafter",
            "dns.type", "rdp.event_type");

    private final OcsfValidator validator = OcsfValidator.instance();

    record Sample(String file, int line, ObjectNode eve) {
        @Override
        public String toString() {
            return file + ":" + line + " " + eve.path("event_type").asText();
        }
    }

    static List<Sample> nonAlerts() {
        List<Sample> out = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = SuricataEventMappersTest.class.getResourceAsStream("/samples/suricata/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing sample " + file);
                }
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].isBlank()) {
                        continue;
                    }
                    ObjectNode eve = (ObjectNode) Json.parse(lines[i]);
                    if (!"alert".equals(eve.path("event_type").asText())) {
                        out.add(new Sample(file, i + 1, eve));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static Stream<Sample> samples() {
        return nonAlerts().stream();
    }

    static AlertEnriched enriched(ObjectNode eve, Enrichment enrichment) {
        return new AlertEnriched(SourceFormat.SURICATA, null, eve.path("src_ip").asText(null), RawJson.of(eve), enrichment);
    }

    static io.protect.normalize.mapping.MappingContext context() {
        return new io.protect.normalize.mapping.MappingContext(UUID.fromString("6f1c1e52-3a4b-4c5d-8e9f-0a1b2c3d4e5f"),
                "acme", "corr-1", Instant.parse("2024-05-01T12:00:00Z"));
    }

    static JsonNode map(ObjectNode eve, Enrichment enrichment) {
        return Json.MAPPER.valueToTree(SuricataEventMappers.forEvent(eve).map(enriched(eve, enrichment), context()));
    }

    static ObjectNode find(String marker) {
        return nonAlerts().stream().filter(s -> s.eve().toString().contains(marker)).findFirst()
                .orElseThrow(() -> new IllegalStateException(marker)).eve().deepCopy();
    }

    @Test
    void theSamplesHold50NonAlertRecords() {
        // SOURCES.md: 361 events, 311 alerts.
        assertEquals(50, nonAlerts().size());
        Map<String, Integer> byType = new TreeMap<>();
        nonAlerts().forEach(s -> byType.merge(s.eve().path("event_type").asText(), 1, Integer::sum));
        assertEquals(Map.ofEntries(Map.entry("anomaly", 1), Map.entry("dnp3", 4), Map.entry("dns", 28), Map.entry("fileinfo", 1),
                Map.entry("flow", 5), Map.entry("ftp", 1), Map.entry("http", 1), Map.entry("ldap", 1), Map.entry("rdp", 1),
                Map.entry("smb", 1), Map.entry("ssh", 1), Map.entry("stats", 3), Map.entry("tls", 2)), byType);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyRecordMapsToAValidEventOfItsClassLosingNoField(Sample s) {
        JsonNode json = map(s.eve(), Enrichments.none());
        ValidationResult result = validator.validate(json);
        assertTrue(result.valid(), () -> s + " → " + result + "\n" + json.toPrettyString());
        assertEquals(CLASS_BY_TYPE.get(s.eve().path("event_type").asText()), json.path("class_uid").asInt(), s::toString);
        assertEquals(s.eve(), Json.parse(json.path("raw_data").asText()));
        assertEquals("Suricata", json.at("/metadata/product/name").asText());
        assertEquals(s.eve().path("event_type").asText(), json.at("/metadata/event_code").asText());
        List<String> lost = LosslessCheck.lost(s.eve(), json, TIMES);
        assertTrue(lost.isEmpty(), () -> s + " lost " + lost + "\n" + json.toPrettyString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyRecordWithFullEnrichmentIsStillValid(Sample s) {
        Enrichment enrichment = Enrichments.parse("""
                {"partial": false,
                 "geo": {"source": {"ip": "%s", "countryCode": "DE", "city": "Berlin", "asn": 3320}},
                 "intel": [{"indicator": "evil.example", "type": "domain", "confidence": 60, "source": "urlhaus"}],
                 "risk": {"score": 30, "factors": [{"name": "intel-hit", "contribution": 30}]}}
                """.formatted(s.eve().path("src_ip").asText("10.0.0.1")));
        JsonNode json = map(s.eve(), enrichment);
        ValidationResult result = validator.validate(json);
        assertTrue(result.valid(), () -> s + " → " + result);
        assertEquals(30, json.path("risk_score").asInt());
    }

    @Test
    void alertsStillGoToTheAlertMapper() {
        ObjectNode alert = (ObjectNode) Json.parse("{\"event_type\":\"alert\"}");
        assertInstanceOf(SuricataAlertMapper.class, SuricataEventMappers.forEvent(alert));
        assertEquals(SuricataEventMapper.Type.APP_LAYER, SuricataEventMappers.typeOf("quic"));
    }

    @Test
    void flowCountersAndTimes() {
        JsonNode json = map(find("\"bytes_toclient\":11086"), Enrichments.none());
        assertEquals(2, json.path("activity_id").asInt(), "a closed TCP flow is Close");
        assertEquals(1842, json.at("/traffic/bytes_out").asLong());
        assertEquals(11086, json.at("/traffic/bytes_in").asLong());
        assertEquals(24, json.at("/traffic/packets").asLong());
        assertEquals(Instant.parse("2024-01-09T15:07:44.721Z").toEpochMilli(), json.path("start_time").asLong());
        assertEquals("tls", json.path("app_protocol_name").asText());
        assertEquals(6, json.at("/connection_info/protocol_num").asInt());
        assertEquals(2, json.at("/connection_info/direction_id").asInt(), "10.0.4.4 → 1.2.3.4 is outbound");
        assertEquals("1b", json.at("/unmapped/tcp/tcp_flags").asText());
    }

    @Test
    void icmpv6FlowWithoutPorts() {
        JsonNode json = map(find("IPv6-ICMP"), Enrichments.none());
        assertEquals(6, json.path("activity_id").asInt(), "state new: Traffic");
        assertEquals(58, json.at("/connection_info/protocol_num").asInt());
        assertEquals(133, json.at("/unmapped/icmp_type").asInt());
    }

    @Test
    void dnsQueryAndV1Answer() {
        JsonNode q = map(find("\"id\":39339,\"rrname\":\"client-cf.dropbox.com\",\"rrtype\":\"A\",\"tx_id\":0"), Enrichments.none());
        assertEquals(400301, q.path("type_uid").asLong());
        assertEquals("client-cf.dropbox.com", q.at("/query/hostname").asText());
        assertEquals("A", q.at("/query/type").asText());
        assertEquals(39339, q.at("/query/packet_uid").asInt());
        JsonNode a = map(find("\"rdata\":\"block.g1.dropbox.com\""), Enrichments.none());
        assertEquals(2, a.path("activity_id").asInt());
        assertEquals("block.g1.dropbox.com", a.at("/answers/0/rdata").asText());
        assertEquals("CNAME", a.at("/answers/0/type").asText());
        assertEquals(9, a.at("/answers/0/ttl").asInt());
        assertEquals(0, a.path("rcode_id").asInt());
        assertEquals("NOERROR", a.path("rcode").asText());
    }

    @Test
    void dnsV2AnswersWithARecordWithoutRdataStayWholeInUnmapped() {
        JsonNode json = map(find("\"rdata\":\"192.1.10.34\""), Enrichments.none());
        assertEquals("192.1.10.34", json.at("/answers/0/rdata").asText());
        assertEquals("SOA", json.at("/unmapped/dns/answers/0/rrtype").asText());
    }

    @Test
    void dnsGroupedAnswers() {
        JsonNode json = map(find("\"grouped\""), Enrichments.none());
        assertEquals(4, json.path("answers").size());
        assertEquals("1.2.3.62", json.at("/answers/0/rdata").asText());
        assertEquals("org.repo.release.build.test.com", json.at("/query/hostname").asText());
    }

    @Test
    void tlsWithoutSerialKeepsTheCertificateFieldsUnmapped() {
        JsonNode json = map(find("\"event_type\":\"tls\""), Enrichments.none());
        assertEquals(4001, json.path("class_uid").asInt());
        assertEquals("www.google.com", json.at("/tls/sni").asText());
        assertEquals("TLS 1.2", json.at("/tls/version").asText());
        assertTrue(json.at("/tls/certificate").isMissingNode(), "OCSF's certificate needs a serial number");
        assertEquals("C=US, O=Google Inc, CN=Google Internet Authority G2", json.at("/unmapped/tls/issuerdn").asText());
    }

    @Test
    void tlsWithSerialAndJa3HasTheCertificate() {
        // The real record, with the serial and JA3 that newer Suricata versions log.
        ObjectNode eve = find("\"event_type\":\"tls\"");
        ObjectNode tlsNode = (ObjectNode) eve.get("tls");
        tlsNode.put("serial", "7D:0E:3C:8A");
        tlsNode.putObject("ja3").put("hash", "e7d705a3286e19ea42f587b344ee6865").put("string", "771,49195-49199,0-23,29,0");
        JsonNode json = map(eve, Enrichments.none());
        assertTrue(validator.validate(json).valid(), () -> validator.validate(json).toString());
        assertEquals("C=US, O=Google Inc, CN=Google Internet Authority G2", json.at("/tls/certificate/issuer").asText());
        assertEquals("7D:0E:3C:8A", json.at("/tls/certificate/serial_number").asText());
        assertEquals("C=US, ST=California, L=Mountain View, O=Google Inc, CN=www.google.com", json.at("/tls/certificate/subject").asText());
        assertEquals("e7d705a3286e19ea42f587b344ee6865", json.at("/tls/ja3_hash/value").asText());
        assertEquals("771,49195-49199,0-23,29,0", json.at("/unmapped/tls/ja3/string").asText());
        assertEquals("90:86:a4:3b:f5:cf:1b:2e:4e:f7:97:96:f9:de:ba:b9:66:35:86:3f", json.at("/tls/certificate/fingerprints/0/value").asText());
        assertEquals(Instant.parse("2016-12-07T08:19:00Z").toEpochMilli(), json.at("/tls/certificate/expiration_time").asLong());
    }

    @Test
    void httpWithoutMethodIsUnknownActivity() {
        JsonNode json = map(find("\"url\":\"/upload.cgi\""), Enrichments.none());
        assertEquals(4002, json.path("class_uid").asInt());
        assertEquals(0, json.path("activity_id").asInt());
        assertEquals("www.server.lan", json.at("/http_request/url/hostname").asText());
        assertEquals("/upload.cgi", json.at("/http_request/url/path").asText());
    }

    @Test
    void fileinfoOverHttpIsHttpActivityWithTheFile() {
        JsonNode json = map(find("\"filename\":\"eicar.com\""), Enrichments.none());
        assertEquals(4002, json.path("class_uid").asInt());
        assertEquals(3, json.path("activity_id").asInt(), "GET");
        assertEquals("eicar.com", json.at("/file/name").asText());
        assertEquals(68, json.at("/file/size").asLong());
        assertEquals("www.eicar.org", json.at("/http_request/url/hostname").asText());
        assertEquals(200, json.at("/http_response/code").asInt());
        assertEquals("CLOSED", json.at("/unmapped/fileinfo/state").asText());
    }

    @Test
    void fileinfoOverAnotherProtocolKeepsTheFileUnmapped() {
        ObjectNode eve = find("\"filename\":\"eicar.com\"");
        eve.put("app_proto", "smtp");
        eve.remove("http");
        JsonNode json = map(eve, Enrichments.none());
        assertTrue(validator.validate(json).valid(), () -> validator.validate(json).toString());
        assertEquals(4001, json.path("class_uid").asInt());
        assertEquals("eicar.com", json.at("/unmapped/fileinfo/filename").asText());
    }

    @Test
    void anomalyIsLowNetworkActivityWithDetail() {
        JsonNode json = map(find("REQUEST_AUTH_UNRECOGNIZED"), Enrichments.none());
        assertEquals(4001, json.path("class_uid").asInt());
        assertEquals(2, json.path("severity_id").asInt());
        assertEquals("applayer/proto_parser: REQUEST_AUTH_UNRECOGNIZED", json.path("status_detail").asText());
        assertEquals("http", json.path("app_protocol_name").asText());
        assertEquals(60, json.path("timezone_offset").asInt(), "+0100");
    }

    @Test
    void ftpSmbSshRdp() {
        JsonNode ftp = map(find("\"event_type\":\"ftp\""), Enrichments.none());
        assertEquals("USER", ftp.path("command").asText());
        assertEquals("anonymous", ftp.path("name").asText());
        assertEquals(99, ftp.path("activity_id").asInt());
        JsonNode smb = map(find("\"event_type\":\"smb\""), Enrichments.none());
        assertEquals("SMB1_COMMAND_NEGOTIATE_PROTOCOL", smb.path("command").asText());
        assertEquals(8, smb.path("client_dialects").size());
        assertEquals("unknown", smb.at("/unmapped/smb/dialect").asText(), "'unknown' is not a dialect");
        JsonNode ssh = map(find("\"event_type\":\"ssh\""), Enrichments.none());
        assertEquals("2.0", ssh.path("protocol_ver").asText());
        assertTrue(ssh.path("message").asText().contains("libssh_0.9.6"));
        JsonNode rdp = map(find("\"event_type\":\"rdp\""), Enrichments.none());
        assertEquals(5, rdp.path("activity_id").asInt());
        assertEquals("773dbe1ea6dc998444b4f9da1f188ba8", rdp.at("/certificate_chain/0").asText());
    }

    @Test
    void statsIsABaseEventKeepingEveryCounter() {
        ObjectNode eve = find("\"event_type\":\"stats\"");
        JsonNode json = map(eve, Enrichments.none());
        assertEquals(0, json.path("class_uid").asInt());
        assertEquals(99, json.path("activity_id").asInt());
        assertEquals(eve.get("stats"), json.at("/unmapped/stats"));
        assertFalse(json.has("src_endpoint"));
    }

    @Test
    void ldapAndDnp3AreNetworkActivityWithTheirProtocol() {
        assertEquals("ldap", map(find("\"event_type\":\"ldap\""), Enrichments.none()).path("app_protocol_name").asText());
        JsonNode dnp3 = map(find("\"event_type\":\"dnp3\""), Enrichments.none());
        assertEquals("dnp3", dnp3.path("app_protocol_name").asText());
        assertEquals("request", dnp3.at("/unmapped/dnp3/type").asText());
    }
}
