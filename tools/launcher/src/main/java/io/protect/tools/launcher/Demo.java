package io.protect.tools.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo run: generates a realistic sample, ingests it for two tenants, waits until every event
 * is stored with its prediction (or dead-lettered), and reports per-stage counts, the dead-letter
 * count, two stored OCSF events and a machine-readable last line.
 */
public final class Demo {

    /** The local demo tenants and their tokens (valid in the local profile only). */
    public static final Map<String, String> TENANTS = Map.of("acme", "acme-local-token", "globex", "globex-local-token");
    static final List<String> STAGES = List.of("ingest", "enrich", "normalize", "score", "store-events",
            "store-predictions", "notify");

    /** What a run produced. */
    public record Result(int sent, long stored, long deadLettered, Duration elapsed) {
        public long lost() {
            return sent - stored - deadLettered;
        }

        public String summaryLine() {
            return "demo: sent " + sent + " stored " + stored + " dead-lettered " + deadLettered + " lost " + lost();
        }
    }

    private final ProtectClient client;
    private final PrintStream out;

    public Demo(ProtectClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public Result run(int count, Duration timeout) {
        long t0 = System.nanoTime();
        List<ObjectNode> alerts = new SampleGenerator(42, Instant.now().minusSeconds(600)).alerts(count);
        Map<String, List<ObjectNode>> byTenant = new LinkedHashMap<>();
        for (int i = 0; i < alerts.size(); i++) {
            // Two thirds for acme, one third for globex.
            byTenant.computeIfAbsent(i % 3 == 2 ? "globex" : "acme", k -> new ArrayList<>()).add(alerts.get(i));
        }
        Map<String, Long> baseline = new LinkedHashMap<>();
        for (String tenant : byTenant.keySet()) {
            baseline.put(tenant, client.stats(TENANTS.get(tenant)).path("events").asLong());
        }
        double dlqBefore = deadLettered();
        int sent = 0;
        for (Map.Entry<String, List<ObjectNode>> e : byTenant.entrySet()) {
            List<ObjectNode> list = e.getValue();
            for (int from = 0; from < list.size(); from += 100) {
                sent += client.ingest(TENANTS.get(e.getKey()), list.subList(from, Math.min(list.size(), from + 100))).size();
            }
            out.printf("  ingested %d alerts for %s%n", list.size(), e.getKey());
        }
        long ingested = System.nanoTime();
        long stored = 0;
        long dead = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastShown = -1;
        while (System.nanoTime() < deadline) {
            stored = 0;
            for (String tenant : byTenant.keySet()) {
                JsonNode stats = client.stats(TENANTS.get(tenant));
                stored += stats.path("events").asLong() - baseline.get(tenant);
            }
            dead = Math.round(deadLettered() - dlqBefore);
            if ((int) stored != lastShown) {
                out.printf("  stored %d of %d (dead-lettered %d)%n", stored, sent, dead);
                lastShown = (int) stored;
            }
            if (stored + dead >= sent) {
                break;
            }
            Stack.sleep(500);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        double seconds = (System.nanoTime() - ingested) / 1e9;
        out.println();
        out.println("Per-stage counts (records processed / dead-lettered):");
        for (Service s : Service.values()) {
            for (String stage : STAGES) {
                if (stage.startsWith(s.serviceName())) {
                    out.printf("  %-18s %6.0f / %.0f%n", stage,
                            client.metric(s, "protect_stage_processed_total", "stage=\"" + stage + "\""),
                            client.metric(s, "protect_stage_dead_lettered_total", "stage=\"" + stage + "\""));
                }
            }
        }
        out.printf("Dead-letter topic security.errors.dlq: %d records from this run%n", dead);
        out.printf("Throughput: %d events in %.1f s from first ingest to last store (%.0f events/s end to end)%n",
                stored, elapsed.toMillis() / 1000.0, stored / Math.max(0.001, elapsed.toMillis() / 1000.0));
        out.printf("Drain after ingest: %.1f s%n", seconds);
        JsonNode page = client.events(TENANTS.get("acme"), "?limit=2");
        out.println("Two stored OCSF events (tenant acme):");
        ObjectMapper pretty = new ObjectMapper();
        for (JsonNode item : page.path("items")) {
            try {
                out.println(pretty.writerWithDefaultPrettyPrinter().writeValueAsString(item));
            } catch (Exception e) {
                out.println(item);
            }
        }
        Result result = new Result(sent, stored, dead, elapsed);
        out.println(result.summaryLine());
        return result;
    }

    private double deadLettered() {
        double total = 0;
        for (Service s : Service.values()) {
            total += client.metric(s, "protect_stage_dead_lettered_total", "stage=");
        }
        return total;
    }
}
