package io.protect.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.protect.model.json.Json;
import io.protect.tools.devservices.LocalInfraTestResource;
import io.protect.tools.devservices.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Real: the ingest application, a Kafka broker, the real samples of every source. Faked: nothing.
 * Each source's file goes in over REST in its own form (JSON lines, or text/plain lines for CEF,
 * LEEF, Windows XML and Zeek TSV), without naming the source, and every event comes out on
 * security.alerts.raw recognised as that source.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class SourceFormatsResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static byte[] sample(String path) throws IOException {
        try (InputStream in = SourceFormatsResourceTest.class.getResourceAsStream("/samples/" + path)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "okta/panther-okta-system-log.ndjson, application/x-ndjson, okta",
        "cloudtrail/panther-cloudtrail.ndjson, application/x-ndjson, cloudtrail",
        "guardduty/sekoia-guardduty.ndjson, application/x-ndjson, guardduty",
        "sysmon/otrf-nxlog-sysmon.ndjson, application/x-ndjson, sysmon",
        "zeek/otrf-apt29-day1-dns.ndjson, application/x-ndjson, zeek",
        "zeek/otrf-lsass01-conn.log, text/plain, zeek",
        "cef/metron-cef.log, text/plain, cef",
        "leef/sekoia-leef.log, text/plain, leef",
        "windows/evtx-attack-samples-security.xml, text/plain, windows",
        "sysmon/evtx-attack-samples-sysmon.xml, text/plain, sysmon",
    })
    void everySampleIsRecognisedAsItsSource(String file, String contentType, String source) throws IOException {
        List<String> ids = given().header("Authorization", "Bearer acme-local-token").contentType(contentType)
                .body(sample(file))
                .when().post("/api/v1/alerts")
                .then().statusCode(202).extract().jsonPath().getList("eventIds", String.class);
        Set<String> wanted = new HashSet<>(ids);
        var records = TopicProbe.read(bootstrap, "security.alerts.raw",
                r -> wanted.contains(Json.parse(r.value()).path("eventId").asText()), wanted.size(), Duration.ofSeconds(30));
        assertEquals(wanted.size(), records.size());
        Map<String, Integer> formats = new HashMap<>();
        records.forEach(r -> formats.merge(Json.parse(r.value()).path("data").path("sourceFormat").asText(), 1, Integer::sum));
        assertEquals(Map.of(source, ids.size()), formats, file);
    }

    @Test
    void aCloudTrailLogFileIsSplitIntoItsRecords() throws IOException {
        String[] lines = new String(sample("cloudtrail/sekoia-cloudtrail.ndjson"), StandardCharsets.UTF_8).split("\n");
        String file = "{\"Records\":[" + lines[0] + "," + lines[1] + "]}";
        given().header("Authorization", "Bearer acme-local-token").contentType("application/json").body(file)
                .when().post("/api/v1/alerts")
                .then().statusCode(202).body("accepted", equalTo(2));
    }

    @Test
    void aLineOfNoKnownFormatIsNamed() {
        given().header("Authorization", "Bearer acme-local-token").contentType("text/plain")
                .body("CEF:0|a|b|1|2|n|3|src=10.0.0.1\nhello world\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/alerts")
                .then().statusCode(400).body("line", equalTo(2)).body("error", startsWith("line 2 is not a CEF"));
    }
}
