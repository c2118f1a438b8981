package io.protect.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.Enrichment;
import io.protect.model.events.RiskAssessment;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.wire.RawJson;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.stage.NormalizeStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The normalize stage's pure work per event, per source: map the parsed source event to OCSF
 * 1.8.0, turn it into JSON and validate it against the schema (what {@code NormalizeStage.normalize}
 * does for every record). Events are the repository's real samples, cycled round-robin. One thread,
 * so the score is the per-core rate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NormalizeBenchmark {

    /** Source format and the sample file (under the normalize module's test samples) it reads. */
    @Param({"suricata:suricata/wrccdc-2017-alerts.ndjson", "zeek:zeek/otrf-apt29-day1-conn.ndjson",
        "windows:windows/otrf-nxlog-security.ndjson", "sysmon:sysmon/otrf-nxlog-sysmon.ndjson",
        "okta:okta/panther-okta-system-log.ndjson", "cloudtrail:cloudtrail/panther-cloudtrail.ndjson",
        "guardduty:guardduty/panther-guardduty.ndjson", "cef:cef/parsed.ndjson", "leef:leef/parsed.ndjson"})
    public String source;

    /** An enrichment whose lookups found nothing (risk 0, no factors): the stage's own work is what is measured. */
    private static final Enrichment NOTHING_FOUND = new Enrichment(false, List.of(), null, List.of(), null, null,
            new RiskAssessment(0, List.of()));

    private final NormalizeStage stage = new NormalizeStage();
    private final MappingContext context = new MappingContext(UUID.randomUUID(), "acme", "bench",
            Instant.parse("2026-01-01T00:00:00Z"));
    private List<AlertEnriched> events;
    private int next;

    @Setup
    public void load() throws IOException {
        String[] parts = source.split(":", 2);
        Path samples = Path.of(System.getProperty("protect.samples", "services/normalize/src/test/resources/samples"));
        events = new ArrayList<>();
        for (String line : Files.readAllLines(samples.resolve(parts[1]))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode parsed = Json.parse(line);
            JsonNode event = parsed.has("event") && parsed.has("line") ? parsed.get("event") : parsed;
            events.add(new AlertEnriched(SourceFormat.fromWire(parts[0]), null, null, RawJson.of(event), NOTHING_FOUND));
        }
        if (events.isEmpty()) {
            throw new IllegalStateException("no events in " + parts[1]);
        }
    }

    @Benchmark
    public NormalizeStage.Result normalizeOneEvent() {
        AlertEnriched event = events.get(next);
        next = (next + 1) % events.size();
        NormalizeStage.Result result = stage.normalize(event, context);
        if (!result.valid()) {
            throw new IllegalStateException("invalid event in the benchmark set: " + result.validation());
        }
        return result;
    }
}
