package io.protect.tools.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.tools.devservices.LocalInfra;
import io.protect.tools.devservices.TopicProbe;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real: all six packaged services as separate processes, a Kafka broker and a PostgreSQL
 * (LocalInfra), the 297 Suricata alerts of the sample set, WebSocket clients. Faked: nothing.
 * The whole pipeline, black box: REST in, store API and WebSocket out.
 */
class PipelineEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = Demo.TENANTS;

    private static LocalInfra infra;
    private static Stack stack;
    private static ProtectClient client;
    private static int syslogPort;

    @BeforeAll
    static void startEverything() throws IOException {
        Path root = Path.of(System.getProperty("protect.root", "../..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "e2e-");
        infra = LocalInfra.start(work.resolve("infra"));
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, freePort());
        }
        Map<String, String> env = new HashMap<>(Main.serviceEnv(root));
        syslogPort = freePort();
        env.put("PROTECT_INGEST_SYSLOG_PORT", Integer.toString(syslogPort));
        stack = new Stack(root, work.resolve("logs"), infra.endpoints(), ports, env);
        stack.startAll(Duration.ofSeconds(240), line -> System.out.println("e2e: " + line));
        client = new ProtectClient(stack);
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void realSuricataAlertsAreStoredOnceAsValidOcsfWithPredictionsAndPushedToTheirTenantOnly() throws Exception {
        List<ObjectNode> alerts = new ArrayList<>();
        for (String file : List.of("first-org-conf-2015-alerts.ndjson", "wrccdc-2017-alerts.ndjson")) {
            try (InputStream in = getClass().getResourceAsStream("/samples/suricata/" + file)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        alerts.add((ObjectNode) JSON.readTree(line));
                    }
                }
            }
        }
        assertEquals(297, alerts.size());

        Feed acmeFeed = Feed.connect(stack.port(Service.NOTIFY), TOKENS.get("acme"));
        Feed globexFeed = Feed.connect(stack.port(Service.NOTIFY), TOKENS.get("globex"));

        // A poison record, straight onto the first topic: the rest must flow on.
        String poisonKey = "poison-" + System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                infra.endpoints().kafkaBootstrapServers(), "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("security.alerts.raw", poisonKey,
                    "{\"not\":\"an envelope\"".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }

        // Even-numbered alerts for acme, odd for globex; normalize is killed after the first half
        // and started again while the second half is in flight.
        Map<String, Set<String>> idsByTenant = new HashMap<>();
        int half = alerts.size() / 2;
        ingest(alerts.subList(0, half), 0, idsByTenant);
        stack.kill(Service.NORMALIZE);
        ingest(alerts.subList(half, alerts.size()), half, idsByTenant);
        stack.start(Service.NORMALIZE);
        stack.awaitReady(Service.NORMALIZE, System.nanoTime() + Duration.ofSeconds(120).toNanos());

        Set<String> all = new HashSet<>();
        idsByTenant.values().forEach(all::addAll);
        assertEquals(297, all.size());

        // Everything is stored, with its prediction.
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        Map<String, Map<String, JsonNode>> stored = new HashMap<>();
        while (System.nanoTime() < deadline) {
            stored.clear();
            boolean complete = true;
            for (String tenant : TOKENS.keySet()) {
                Map<String, JsonNode> items = readAll(TOKENS.get(tenant));
                stored.put(tenant, items);
                long withPrediction = idsByTenant.get(tenant).stream()
                        .filter(id -> items.containsKey(id) && items.get(id).path("prediction").isObject()).count();
                complete &= withPrediction == idsByTenant.get(tenant).size();
            }
            if (complete) {
                break;
            }
            Stack.sleep(1000);
        }
        OcsfValidator validator = OcsfValidator.instance();
        for (String tenant : TOKENS.keySet()) {
            Map<String, JsonNode> items = stored.get(tenant);
            Set<String> expected = idsByTenant.get(tenant);
            assertTrue(items.keySet().containsAll(expected), tenant + ": not every ingested event was stored");
            for (String id : expected) {
                JsonNode item = items.get(id);
                JsonNode ocsf = item.path("ocsf");
                assertEquals(2004, ocsf.path("class_uid").asInt(), "not a Detection Finding: " + item.path("eventId"));
                assertTrue(validator.validate(ocsf).valid(), () -> "invalid OCSF " + validator.validate(ocsf));
                assertTrue(item.path("prediction").isObject(), "no prediction for " + item.path("eventId"));
            }
        }

        // Pushed live to the right tenant, never to the other.
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && (!acmeFeed.ids().containsAll(idsByTenant.get("acme"))
                || !globexFeed.ids().containsAll(idsByTenant.get("globex")))) {
            Stack.sleep(500);
        }
        assertTrue(acmeFeed.ids().containsAll(idsByTenant.get("acme")), "acme's analysts missed some of acme's alerts");
        assertTrue(globexFeed.ids().containsAll(idsByTenant.get("globex")), "globex's analysts missed some of globex's alerts");
        assertFalse(acmeFeed.ids().stream().anyMatch(idsByTenant.get("globex")::contains), "acme saw a globex alert");
        assertFalse(globexFeed.ids().stream().anyMatch(idsByTenant.get("acme")::contains), "globex saw an acme alert");

        // The W3C trace context travels in Kafka headers through every stage: each prediction's
        // traceparent header names the trace its envelope carries since ingest.
        var predictions = TopicProbe.read(infra.endpoints().kafkaBootstrapServers(), "security.ml.predictions",
                r -> all.contains(readTree(r.value()).path("eventId").asText()), all.size(), Duration.ofSeconds(30));
        assertTrue(predictions.size() >= all.size());
        for (var record : predictions) {
            String traceparent = TopicProbe.header(record, "traceparent");
            assertNotNull(traceparent, "no traceparent header on a prediction");
            assertEquals(readTree(record.value()).path("correlation").path("traceId").asText(), traceparent.split("-")[1]);
        }

        // The poison record is in the dead letter topic, with the stage and the reason.
        var dead = TopicProbe.read(infra.endpoints().kafkaBootstrapServers(), "security.errors.dlq",
                r -> poisonKey.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals("enrich", TopicProbe.header(dead.get(0), "protect-dlq-stage"));
        assertNotNull(TopicProbe.header(dead.get(0), "protect-dlq-error"));
        acmeFeed.close();
        globexFeed.close();
    }

    @Test
    void oneFileOfEachSourceOverRestAndCefOverSyslogAreStoredWithTheirClasses() throws Exception {
        record Source(String file, String contentType, Set<Integer> classes) {
        }
        List<Source> sources = List.of(
                new Source("okta.ndjson", "application/x-ndjson", Set.of(3002, 3001, 6003)),
                new Source("cloudtrail.ndjson", "application/x-ndjson", Set.of(3002, 6003)),
                new Source("guardduty.ndjson", "application/x-ndjson", Set.of(2004)),
                new Source("windows.ndjson", "application/x-ndjson", Set.of(3002, 3003, 1007, 3001, 1008, 0)),
                new Source("zeek-dns.log", "text/plain", Set.of(4003)),
                new Source("sysmon.xml", "text/plain", Set.of(1007, 4001, 1001, 4003, 1005, 0)),
                new Source("leef.log", "text/plain", Set.of(2004, 4001, 3002)),
                new Source("cef.log", "text/plain", Set.of(2004, 4001, 3002)));
        Map<String, Set<Integer>> expectedClass = new HashMap<>();
        for (Source source : sources) {
            byte[] body;
            try (InputStream in = getClass().getResourceAsStream("/samples/sources/" + source.file())) {
                body = in.readAllBytes();
            }
            for (String id : client.ingestRaw(TOKENS.get("globex"), source.contentType(), body)) {
                expectedClass.put(id, source.classes());
            }
        }
        // The CEF file once more, over the syslog TCP listener (its tenant is acme in the local profile).
        String cefMarker = "e2e-" + System.nanoTime();
        try (java.net.Socket socket = new java.net.Socket("localhost", syslogPort)) {
            socket.getOutputStream().write(("<134>CEF:0|Acme|Firewall|1.0|100|Blocked connection|7|src=203.0.113.9 "
                    + "dst=10.0.0.5 spt=51000 dpt=445 proto=TCP msg=" + cefMarker + "\n").getBytes(StandardCharsets.UTF_8));
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        Map<String, JsonNode> stored = Map.of();
        while (System.nanoTime() < deadline) {
            stored = readAll(TOKENS.get("globex"));
            if (stored.keySet().containsAll(expectedClass.keySet())) {
                break;
            }
            Stack.sleep(1000);
        }
        for (Map.Entry<String, Set<Integer>> e : expectedClass.entrySet()) {
            JsonNode item = stored.get(e.getKey());
            assertNotNull(item, "event " + e.getKey() + " was not stored");
            int classUid = item.path("ocsf").path("class_uid").asInt();
            assertTrue(e.getValue().contains(classUid), "class " + classUid + " for " + item.path("ocsf").path("metadata"));
        }
        boolean syslogStored = false;
        while (!syslogStored && System.nanoTime() < deadline + Duration.ofSeconds(60).toNanos()) {
            syslogStored = readAll(TOKENS.get("acme")).values().stream()
                    .anyMatch(i -> i.path("ocsf").toString().contains(cefMarker));
            if (!syslogStored) {
                Stack.sleep(1000);
            }
        }
        assertTrue(syslogStored, "the CEF line sent over syslog was not stored for acme");
    }

    private static void ingest(List<ObjectNode> alerts, int offset, Map<String, Set<String>> idsByTenant) {
        Map<String, List<ObjectNode>> byTenant = new HashMap<>();
        for (int i = 0; i < alerts.size(); i++) {
            byTenant.computeIfAbsent((offset + i) % 2 == 0 ? "acme" : "globex", k -> new ArrayList<>()).add(alerts.get(i));
        }
        byTenant.forEach((tenant, list) -> idsByTenant.computeIfAbsent(tenant, k -> new HashSet<>())
                .addAll(client.ingest(TOKENS.get(tenant), list)));
    }

    /** Every stored item of a tenant by event id, following the cursor; fails on a duplicate. */
    private static Map<String, JsonNode> readAll(String token) {
        Map<String, JsonNode> items = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = client.events(token, "?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            for (JsonNode item : page.path("items")) {
                JsonNode previous = items.put(item.path("eventId").asText(), item);
                assertEquals(null, previous, "event " + item.path("eventId").asText() + " listed twice");
            }
            cursor = page.path("next").isTextual() ? java.net.URLEncoder.encode(page.path("next").asText(),
                    StandardCharsets.UTF_8) : null;
        } while (cursor != null);
        return items;
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** An analyst's live feed: a WebSocket to notify, collecting the event ids pushed to it. */
    static final class Feed implements WebSocket.Listener {
        private final Set<String> ids = ConcurrentHashMap.newKeySet();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Feed connect(int port, String token) throws Exception {
            Feed feed = new Feed();
            feed.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + port + "/ws/alerts?token=" + token), feed)
                    .get(30, TimeUnit.SECONDS);
            return feed;
        }

        Set<String> ids() {
            return ids;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.hasNonNull("eventId")) {
                        ids.add(message.get("eventId").asText());
                    }
                } catch (IOException e) {
                    // Not an alert message (a greeting or a ping): ignored.
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
