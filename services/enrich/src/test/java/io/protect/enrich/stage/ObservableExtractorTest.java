package io.protect.enrich.stage;

import io.protect.model.events.SourceFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.enrich.Observables;
import io.protect.enrich.Severity;
import io.protect.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading observables from alerts. Real: the extractor and Suricata sample alerts (see samples/suricata/SOURCES.md). */
class ObservableExtractorTest {

    static List<JsonNode> sample(String file) throws IOException {
        try (InputStream in = ObservableExtractorTest.class.getClassLoader().getResourceAsStream("samples/suricata/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(Json::parse).toList();
        }
    }

    @Test
    void suricataSshScanAlert() throws IOException {
        Observables o = ObservableExtractor.extract(SourceFormat.SURICATA, null, sample("first-org-conf-2015-alerts.ndjson").get(0));
        assertEquals("222.186.56.46", o.sourceIp());
        assertEquals("192.168.0.2", o.destinationIp());
        assertEquals(Severity.MEDIUM, o.severity()); // Suricata severity 2
        assertEquals(List.of(), o.hostnames());
        assertNull(o.userName());
    }

    @Test
    void suricataHttpAlertCarriesItsHostName() throws IOException {
        Observables o = ObservableExtractor.extract(SourceFormat.SURICATA, null, sample("wrccdc-2017-alerts.ndjson").get(1));
        assertEquals(List.of("q.xfil.pw"), o.hostnames());
        assertEquals("10.10.1.135", o.sourceIp());
        assertEquals("178.62.196.187", o.destinationIp());
        JsonNode high = sample("first-org-conf-2015-alerts.ndjson").get(1);
        assertEquals(Severity.HIGH, ObservableExtractor.extract(SourceFormat.SURICATA, null, high).severity()); // severity 1
        assertEquals(List.of("www.pwned.se"), ObservableExtractor.extract(SourceFormat.SURICATA, null, high).hostnames());
    }

    @Test
    void genericAlertsUseWordsOrTheZeroToTenScale() {
        JsonNode generic = Json.parse("""
                {"source_ip":"198.51.100.7","severity":"critical","user":{"name":"jdoe"},
                 "fileinfo":{"sha256":"AB%s"},"dns":{"query":[{"rrname":"Www.Evil.Example."}]}}""".formatted("ab".repeat(31)));
        Observables o = ObservableExtractor.extract(SourceFormat.GENERIC, null, generic);
        assertEquals(Severity.CRITICAL, o.severity());
        assertEquals("jdoe", o.userName());
        assertEquals("198.51.100.7", o.sourceIp());
        assertEquals(List.of("ab".repeat(32)), o.hashes());
        assertEquals(List.of("www.evil.example"), o.hostnames());
        assertEquals(Severity.HIGH, ObservableExtractor.extract(SourceFormat.GENERIC, null, Json.parse("{\"severity\":7.5}")).severity());
        assertEquals(Severity.LOW, ObservableExtractor.extract(SourceFormat.GENERIC, null, Json.parse("{\"severity\":\"2\"}")).severity());
        assertNull(ObservableExtractor.extract(SourceFormat.GENERIC, null, Json.parse("{\"severity\":\"whatever\"}")).severity());
    }

    @Test
    void theIngestSourceIpIsUsedOnlyWhenTheAlertHasNoneAndHostNamesNeverResolve() {
        Observables o = ObservableExtractor.extract(SourceFormat.GENERIC, "203.0.113.9", Json.parse("{\"src_ip\":\"not.an.ip.example\"}"));
        assertEquals("203.0.113.9", o.sourceIp());
        assertEquals(List.of("203.0.113.9"), o.ips());
    }
}
