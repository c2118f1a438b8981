package io.protect.tools.bench;

import io.protect.model.envelope.EnvelopeCodec;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The envelope serde of every hop, for a raw Suricata alert envelope: decode (parse + JSON Schema
 * validation + bind), which every stage runs on what it reads; encode with validation (what the
 * serializer does by default, and ingest for what it accepts); and encode without it (what a
 * stage's producer does, its consumer validating).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnvelopeSerdeBenchmark {

    private final EnvelopeCodec codec = EnvelopeCodec.defaultCodec();
    private EventEnvelope envelope;
    private byte[] bytes;

    @Setup
    public void build() throws java.io.IOException {
        Path samples = Path.of(System.getProperty("protect.samples", "services/normalize/src/test/resources/samples"));
        String alert = Files.readAllLines(samples.resolve("suricata/wrccdc-2017-alerts.ndjson")).get(0);
        EnvelopeFactory factory = new EnvelopeFactory(new EventEnvelope.Source("bench", "0", "bench-1"));
        envelope = factory.create(EventType.ALERT_RECEIVED, new EventEnvelope.Tenant("acme", null),
                Json.parse("{\"sourceFormat\":\"suricata\",\"alert\":" + alert + "}"), null);
        bytes = codec.encode(envelope);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(envelope);
    }

    /** What a stage's producer does: serialize without validating again (its consumer validates). */
    @Benchmark
    public byte[] encodeUnchecked() {
        return codec.encodeUnchecked(envelope);
    }

    @Benchmark
    public EventEnvelope decode() {
        return codec.decode(bytes);
    }
}
