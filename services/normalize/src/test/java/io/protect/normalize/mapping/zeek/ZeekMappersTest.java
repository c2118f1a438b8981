package io.protect.normalize.mapping.zeek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.model.ocsf.ValidationResult;
import io.protect.normalize.mapping.Enrichments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real Zeek record (JSON and TSV) through ZeekMappers and the real OCSF validator; nothing faked. */
class ZeekMappersTest {

    private final OcsfValidator validator = OcsfValidator.instance();

    static Stream<ZeekSamples.Sample> samples() {
        return ZeekSamples.all().stream();
    }

    /** The class the table assigns to a record of a log type (with the documented exceptions). */
    static int expectedClass(ZeekSamples.Sample s) {
        JsonNode r = s.record();
        return switch (s.logType()) {
            case "conn", "ssl", "weird" -> 4001;
            case "dns" -> 4003;
            case "http" -> 4002;
            case "notice" -> 2004;
            case "files" -> 4010;
            // one ocsf-examples kerberos record is only ts/uid/tuple: no field says kerberos
            case "kerberos" -> r.has("service") || r.has("request_type") || r.has("client") ? 3002 : 4001;
            // a STARTTLS-only session names no address: OCSF email needs one
            case "smtp" -> r.has("mailfrom") || r.has("rcptto") || r.has("from") || r.has("to") ? 4009 : 4001;
            case "ssh" -> 4007;
            case "x509" -> 0;
            case "smb_files" -> 4006;
            default -> throw new IllegalStateException(s.logType());
        };
    }

    @Test
    void theSamplesHoldEveryRecord() {
        assertEquals(257, ZeekSamples.all().size(), "SOURCES.md: 257 events in 25 files");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyRecordMapsToItsClassValidAndLosesNoField(ZeekSamples.Sample s) {
        ZeekMapper mapper = ZeekMappers.forEvent(s.record());
        ZeekMapper.Tracked t = mapper.mapTracked(ZeekSamples.enriched(s.record(), Enrichments.none()), ZeekSamples.context());
        JsonNode json = Json.MAPPER.valueToTree(t.event());
        ValidationResult result = validator.validate(json);
        assertTrue(result.valid(), () -> s + " → " + result + "\n" + json.toPrettyString());
        assertEquals(expectedClass(s), json.path("class_uid").asInt(), s::toString);
        assertEquals(s.record(), Json.parse(json.path("raw_data").asText()), "raw_data is the original record");
        List<String> lost = lostLeaves(s.record(), t.consumed(), json.path("unmapped"));
        assertTrue(lost.isEmpty(), () -> s + " lost " + lost + "\n" + json.toPrettyString());
        double ts = s.record().path("ts").asDouble();
        assertEquals(Math.round(ts * 1000), json.path("time").asLong(), 1, "time is ts in ms");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyRecordWithFullEnrichmentIsStillValid(ZeekSamples.Sample s) {
        String src = text(s.record(), "id.orig_h", "10.0.0.1");
        String dst = text(s.record(), "id.resp_h", "8.8.8.8");
        var out = ZeekMappers.forEvent(s.record()).map(ZeekSamples.enriched(s.record(), ZeekSamples.enrichment(src, dst, 75)),
                ZeekSamples.context());
        JsonNode json = Json.MAPPER.valueToTree(out);
        ValidationResult result = validator.validate(json);
        assertTrue(result.valid(), () -> s + " → " + result);
        assertEquals(75, json.path("risk_score").asInt());
    }

    @Test
    void theLogTypeIsToldLikeIngestTellsIt() {
        // The log type comes from shared-model's ZeekLogType, which ingest's detection uses too.
        for (ZeekSamples.Sample s : ZeekSamples.all()) {
            boolean bareTuple = s.logType().equals("kerberos") && !s.record().has("service") && !s.record().has("client");
            assertEquals(bareTuple ? null : s.logType(), ZeekMappers.logType(s.record()), s::toString);
        }
    }

    @Test
    void classesProducedPerLogType() {
        Map<String, Map<Integer, Integer>> seen = new TreeMap<>();
        for (ZeekSamples.Sample s : ZeekSamples.all()) {
            int c = ((JsonNode) Json.MAPPER.valueToTree(ZeekMappers.forEvent(s.record())
                    .map(ZeekSamples.enriched(s.record(), Enrichments.none()), ZeekSamples.context())))
                    .path("class_uid").asInt();
            seen.computeIfAbsent(s.logType(), k -> new TreeMap<>()).merge(c, 1, Integer::sum);
        }
        System.out.println("Zeek log type → {class: events} " + seen);
        assertEquals(Map.of(4001, 60), seen.get("conn"));
        assertEquals(Map.of(4003, 50), seen.get("dns"));
        assertEquals(Map.of(4002, 39), seen.get("http"));
        assertEquals(Map.of(4001, 31), seen.get("ssl"));
        assertEquals(Map.of(4010, 29), seen.get("files"));
        assertEquals(Map.of(2004, 2), seen.get("notice"));
        assertEquals(Map.of(3002, 8, 4001, 1), seen.get("kerberos"));
        assertEquals(Map.of(4009, 3, 4001, 1), seen.get("smtp"));
        assertEquals(Map.of(4007, 6), seen.get("ssh"));
        assertEquals(Map.of(4001, 16), seen.get("weird"));
        assertEquals(Map.of(0, 7), seen.get("x509"));
        assertEquals(Map.of(4006, 4), seen.get("smb_files"));
    }

    // ------------------------------------------------------------- "nothing lost", written generically

    /**
     * The leaves of the source record that are neither under a consumed path nor, with the same
     * value, at the same path in {@code unmapped}.
     */
    static List<String> lostLeaves(JsonNode source, List<List<String>> consumed, JsonNode unmapped) {
        List<List<String>> leaves = new ArrayList<>();
        leaves(source, new ArrayList<>(), leaves);
        List<String> lost = new ArrayList<>();
        for (List<String> leaf : leaves) {
            boolean used = consumed.stream().anyMatch(c -> c.size() <= leaf.size() && leaf.subList(0, c.size()).equals(c));
            if (used) {
                continue;
            }
            JsonNode kept = at(unmapped, leaf);
            JsonNode original = at(source, leaf);
            if (kept == null || !kept.equals(original)) {
                lost.add(String.join("/", leaf));
            }
        }
        return lost;
    }

    private static void leaves(JsonNode n, List<String> path, List<List<String>> out) {
        if ((n.isObject() || n.isArray()) && !n.isEmpty()) {
            if (n.isObject()) {
                n.fields().forEachRemaining(e -> {
                    path.add(e.getKey());
                    leaves(e.getValue(), path, out);
                    path.remove(path.size() - 1);
                });
            } else {
                for (int i = 0; i < n.size(); i++) {
                    path.add(Integer.toString(i));
                    leaves(n.get(i), path, out);
                    path.remove(path.size() - 1);
                }
            }
        } else {
            out.add(List.copyOf(path));
        }
    }

    private static JsonNode at(JsonNode n, List<String> path) {
        for (String k : path) {
            if (n == null) {
                return null;
            }
            n = n.isArray() ? n.get(Integer.parseInt(k)) : n.get(k);
        }
        return n;
    }

    @Test
    void theLostFieldCheckCatchesADroppedField() {
        ObjectNode src = (ObjectNode) Json.parse("{\"a\":1,\"b\":{\"c\":[1,2]},\"d\":\"x\"}");
        assertEquals(List.of("d"), lostLeaves(src, List.of(List.of("a"), List.of("b")), Json.parse("{}")));
        assertEquals(List.of(), lostLeaves(src, List.of(List.of("a")), Json.parse("{\"b\":{\"c\":[1,2]},\"d\":\"x\"}")));
        assertEquals(List.of("b/c/1"), lostLeaves(src, List.of(List.of("a"), List.of("d")), Json.parse("{\"b\":{\"c\":[1,3]}}")));
    }

    private static String text(JsonNode r, String dotted, String fallback) {
        JsonNode v = r.has(dotted) ? r.get(dotted) : r.get(dotted.replace('.', '_'));
        return v == null ? fallback : v.asText();
    }

    @Test
    void timeIsEpochSecondsToMillisAndKeepsTheOriginal() {
        ObjectNode r = ZeekSamples.find("otrf-lsass01-conn.log", "Cnsu5m395zFmE9ikp4");
        JsonNode json = Json.MAPPER.valueToTree(ZeekMappers.forEvent(r).map(ZeekSamples.enriched(r, Enrichments.none()),
                ZeekSamples.context()));
        assertEquals(Instant.parse("2023-08-16T04:53:42.036Z").toEpochMilli(), json.path("time").asLong());
        assertEquals("1692161622.036086", json.path("metadata").path("original_time").asText());
        assertEquals(0, json.path("timezone_offset").asInt());
        assertEquals("conn.log", json.path("metadata").path("log_name").asText());
        assertEquals("Zeek", json.path("metadata").path("product").path("name").asText());
    }

    @Test
    void aRecordWithoutTsFallsBackToReceipt() {
        ObjectNode r = ZeekSamples.find("ocsf-examples-conn.ndjson", "CPNkcu1aY5i3SzaKt1");
        r.put("ts", "yesterday");
        JsonNode json = Json.MAPPER.valueToTree(ZeekMappers.forEvent(r).map(ZeekSamples.enriched(r, Enrichments.none()),
                ZeekSamples.context()));
        assertEquals(ZeekSamples.context().receivedAt().toEpochMilli(), json.path("time").asLong());
        assertEquals("yesterday", json.path("unmapped").path("ts").asText());
        assertTrue(validator.validate(json).valid());
    }

    @Test
    void underscoreNamesAreReadLikeDottedOnes() {
        ObjectNode r = ZeekSamples.find("otrf-apt29-day1-conn.ndjson", "Cvf4XX17hSAgXDdGEd");
        JsonNode json = Json.MAPPER.valueToTree(ZeekMappers.forEvent(r).map(ZeekSamples.enriched(r, Enrichments.none()),
                ZeekSamples.context()));
        assertEquals("10.0.1.6", json.path("src_endpoint").path("ip").asText());
        assertEquals(53, json.path("dst_endpoint").path("port").asInt());
        assertEquals("00:0d:3a:13:e3:69", json.path("src_endpoint").path("mac").asText());
        assertFalse(json.path("unmapped").has("id_orig_h"));
        assertFalse(json.path("unmapped").has("@stream"), "@stream told the log type");
        assertEquals("bobs.bigwheel.local", json.path("unmapped").path("@system").asText());
    }

    @Test
    void noNameAndNoTupleIsABaseEvent() {
        JsonNode r = Json.parse("{\"ts\":1.5,\"something\":\"else\"}");
        ZeekMapper m = ZeekMappers.forEvent(r);
        assertEquals(0, m.classUid());
        assertNull(ZeekMappers.logType(r));
        JsonNode json = Json.MAPPER.valueToTree(m.map(ZeekSamples.enriched(r, Enrichments.none()), ZeekSamples.context()));
        assertTrue(validator.validate(json).valid(), () -> validator.validate(json).toString());
        assertEquals("else", json.path("unmapped").path("something").asText());
    }

    @Test
    void anUnmappedLogTypeWithATupleIsNetworkActivity() {
        JsonNode r = Json.parse("{\"_path\":\"dhcp\",\"ts\":1.5,\"uid\":\"CabcdefghijK\",\"id.orig_h\":\"10.0.0.5\","
                + "\"id.orig_p\":68,\"id.resp_h\":\"10.0.0.1\",\"id.resp_p\":67,\"mac\":\"00:11:22:33:44:55\"}");
        ZeekMapper m = ZeekMappers.forEvent(r);
        JsonNode json = Json.MAPPER.valueToTree(m.map(ZeekSamples.enriched(r, Enrichments.none()), ZeekSamples.context()));
        assertTrue(validator.validate(json).valid(), () -> validator.validate(json).toString());
        assertEquals(4001, json.path("class_uid").asInt());
        assertEquals("dhcp", json.path("app_protocol_name").asText());
        assertEquals("dhcp.log", json.path("metadata").path("log_name").asText());
        assertNotNull(json.path("unmapped").get("mac"));
    }
}
