package io.protect.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.protect.model.events.AlertNormalized;
import io.protect.model.json.Json;
import io.protect.normalize.AlertEnriched;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.stage.NormalizeStage;
import io.protect.score.stage.HeuristicModel;
import io.protect.score.stage.ScoreStage;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The score stage's work per alert: extract the features of the OCSF event, run the heuristic model
 * and write the scored alert's JSON payload ({@code AlertScored.toJson}): what {@code ScoreConsumer}
 * does for every record, without Kafka. The OCSF events are real: the Suricata sample run through
 * the real {@link NormalizeStage} at setup, then cycled round-robin. One thread, so the score is the
 * per-core rate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoreBenchmark {

    private final ScoreStage stage = new ScoreStage(new HeuristicModel());
    private List<AlertNormalized> events;
    private int next;

    @Setup
    public void load() throws IOException {
        Path samples = Path.of(System.getProperty("protect.samples", "services/normalize/src/test/resources/samples"));
        NormalizeStage normalize = new NormalizeStage();
        MappingContext context = new MappingContext(UUID.randomUUID(), "acme", "bench",
                Instant.parse("2026-01-01T00:00:00Z"));
        events = new ArrayList<>();
        for (String line : Files.readAllLines(samples.resolve("suricata/wrccdc-2017-alerts.ndjson"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode alert = Json.parse(line);
            NormalizeStage.Result result = normalize.normalize(new AlertEnriched("suricata", null,
                    alert.path("src_ip").asText(null), alert, MissingNode.getInstance()), context);
            if (!result.valid()) {
                throw new IllegalStateException("invalid event in the benchmark set: " + result.validation());
            }
            events.add(result.normalized());
        }
        if (events.isEmpty()) {
            throw new IllegalStateException("no events in the Suricata sample");
        }
    }

    @Benchmark
    public JsonNode scoreOneAlert() {
        AlertNormalized event = events.get(next);
        next = (next + 1) % events.size();
        return stage.score(event).toJson();
    }
}
