package io.protect.tools.bench;

import io.protect.model.envelope.EnvelopeCodec;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.Event;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.AlertReceived;
import io.protect.model.events.EventType;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.wire.EventCodec;
import io.protect.model.wire.RawJson;
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
 * The envelope of every hop, for a raw Suricata alert (AlertReceived): what a stage pays to read
 * and write a record. {@code decode} is what every stage does with what it reads (one streaming
 * pass: type and major version checked, payload bound, the alert a slice of the record);
 * {@code decodeFull} is the same with JSON Schema validation (re-injected records, and every record
 * in the contract tests); {@code decodeGeneric} is the generic envelope codec (parse, validate,
 * bind a tree), which every stage ran before; {@code encode} writes a typed event, the alert's
 * bytes copied as they came.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnvelopeSerdeBenchmark {

    private byte[] bytes;
    private Event<AlertReceived> event;

    @Setup
    public void build() throws java.io.IOException {
        Path samples = Path.of(System.getProperty("protect.samples", "services/normalize/src/test/resources/samples"));
        String alert = Files.readAllLines(samples.resolve("suricata/wrccdc-2017-alerts.ndjson")).get(0);
        EnvelopeFactory factory = new EnvelopeFactory(new EventEnvelope.Source("bench", "0", "bench-1"));
        bytes = EventCodec.encode(factory.createEvent(EventType.ALERT_RECEIVED, new EventEnvelope.Tenant("acme", null),
                new AlertReceived(SourceFormat.SURICATA, null, null, RawJson.of(Json.parse(alert))), null),
                AlertReceived.CODEC);
        event = EventCodec.decode(bytes, AlertReceived.CODEC, EventCodec.Validation.TYPE);
    }

    @Benchmark
    public Event<AlertReceived> decode() {
        return EventCodec.decode(bytes, AlertReceived.CODEC, EventCodec.Validation.TYPE);
    }

    @Benchmark
    public Event<AlertReceived> decodeFull() {
        return EventCodec.decode(bytes, AlertReceived.CODEC, EventCodec.Validation.FULL);
    }

    @Benchmark
    public EventEnvelope decodeGeneric() {
        return EnvelopeCodec.defaultCodec().decode(bytes);
    }

    @Benchmark
    public byte[] encode() {
        return EventCodec.encode(event, AlertReceived.CODEC);
    }
}
