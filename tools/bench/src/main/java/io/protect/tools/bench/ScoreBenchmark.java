package io.protect.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.Event;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.AlertNormalized;
import io.protect.model.events.AlertScored;
import io.protect.model.events.Enrichment;
import io.protect.model.events.EventType;
import io.protect.model.events.RiskAssessment;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.wire.EventCodec;
import io.protect.model.wire.RawJson;
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
 * The score stage's work per record, without Kafka: decode the AlertNormalized record (type and
 * version checked, the OCSF event a slice of the record), extract the features of the OCSF event,
 * run the heuristic model, and encode the AlertScored record (the OCSF event copied over as the
 * bytes it came in). The OCSF events are real: the Suricata sample run through the real
 * {@link NormalizeStage} at setup, then cycled round-robin. One thread, so the score is the
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
    private final EnvelopeFactory envelopes = new EnvelopeFactory(new EventEnvelope.Source("bench", "0", "bench-1"));
    private List<byte[]> records;
    private int next;

    @Setup
    public void load() throws IOException {
        Path samples = Path.of(System.getProperty("protect.samples", "services/normalize/src/test/resources/samples"));
        NormalizeStage normalize = new NormalizeStage();
        MappingContext context = new MappingContext(UUID.randomUUID(), "acme", "bench",
                Instant.parse("2026-01-01T00:00:00Z"));
        records = new ArrayList<>();
        Enrichment nothing = new Enrichment(false, List.of(), null, List.of(), null, null, new RiskAssessment(0, List.of()));
        for (String line : Files.readAllLines(samples.resolve("suricata/wrccdc-2017-alerts.ndjson"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode alert = Json.parse(line);
            NormalizeStage.Result result = normalize.normalize(new AlertEnriched(SourceFormat.SURICATA, null,
                    alert.path("src_ip").asText(null), RawJson.of(alert), nothing), context);
            if (!result.valid()) {
                throw new IllegalStateException("invalid event in the benchmark set: " + result.validation());
            }
            records.add(EventCodec.encode(envelopes.createEvent(EventType.ALERT_NORMALIZED,
                    new EventEnvelope.Tenant("acme", null), result.normalized(), null), AlertNormalized.CODEC));
        }
        if (records.isEmpty()) {
            throw new IllegalStateException("no events in the Suricata sample");
        }
    }

    @Benchmark
    public byte[] scoreOneAlert() {
        byte[] record = records.get(next);
        next = (next + 1) % records.size();
        Event<AlertNormalized> in = EventCodec.decode(record, AlertNormalized.CODEC, EventCodec.Validation.TYPE);
        return EventCodec.encode(envelopes.advance(in, EventType.ALERT_SCORED, stage.score(in.payload())),
                AlertScored.CODEC);
    }
}
