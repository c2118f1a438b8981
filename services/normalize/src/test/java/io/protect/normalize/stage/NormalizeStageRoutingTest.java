package io.protect.normalize.stage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.wire.RawJson;
import io.protect.normalize.mapping.Enrichments;
import io.protect.normalize.mapping.SuricataSamples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stage's routing: an alert of each source format, as ingest recorded it, reaches that
 * source's mapper and comes out as a valid OCSF event of the expected classes. Real samples, real
 * validator. Pure.
 */
class NormalizeStageRoutingTest {

    private final NormalizeStage stage = new NormalizeStage();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "ZEEK, zeek/otrf-apt29-day1-conn.ndjson, 4001",
        "ZEEK, zeek/otrf-lsass01-dns.log.parsed.ndjson, 4003",
        "WINDOWS, windows/sekoia-winlogbeat-security.ndjson, 3002 3003 1007 3001 1008 0",
        "WINDOWS, windows/evtx-attack-samples-security.xml.parsed.ndjson, 3002 3003 1007 3001 1008 0",
        "SYSMON, sysmon/otrf-nxlog-sysmon.ndjson, 1007 4001 1001 4003 1005 0",
        "OKTA, okta/panther-okta-system-log.ndjson, 3002 3001 6003",
        "CLOUDTRAIL, cloudtrail/panther-cloudtrail.ndjson, 3002 6003",
        "GUARDDUTY, guardduty/panther-guardduty.ndjson, 2004",
        "CEF, cef/parsed.ndjson, 2004 4001 3002",
        "LEEF, leef/parsed.ndjson, 2004 4001 3002",
        "SURICATA, suricata/sekoia-intake-formats-eve.ndjson, 2004 4001 4002 4003 4005 4006 4007 4008 0",
    })
    void eachSourceReachesItsMapperAndValidates(SourceFormat format, String file, String classes) throws IOException {
        Set<Integer> expected = Arrays.stream(classes.split(" ")).map(Integer::valueOf).collect(Collectors.toSet());
        TreeMap<Integer, Integer> produced = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("/samples/" + file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode parsed = Json.parse(line);
                // Parsed line-format fixtures wrap the event with its file and line.
                JsonNode event = parsed.has("event") && parsed.has("line") ? parsed.get("event") : parsed;
                NormalizeStage.Result r = stage.normalize(new AlertEnriched(format, null, null, RawJson.of(event),
                        Enrichments.none()), SuricataSamples.context());
                assertTrue(r.valid(), () -> format + " " + line + "\n" + r.validation());
                int classUid = r.normalized().ocsf().tree().path("class_uid").asInt();
                assertTrue(expected.contains(classUid), format + " produced class " + classUid + " for " + line);
                produced.merge(classUid, 1, Integer::sum);
            }
        }
        assertTrue(!produced.isEmpty(), "no events in " + file);
    }
}
