package io.protect.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.AssetContext;
import io.protect.model.events.GeoLocation;
import io.protect.model.events.IntelHit;
import io.protect.enrich.LookupResult;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.Event;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.AlertEnriched;
import io.protect.model.events.EventType;
import io.protect.model.events.SourceFormat;
import io.protect.model.wire.EventCodec;
import io.protect.model.wire.RawJson;
import io.protect.enrich.Observables;
import io.protect.model.events.UserContext;
import io.protect.enrich.config.EnrichConfig;
import io.protect.enrich.repository.GeoIpDatabase;
import io.protect.enrich.repository.GeoIpRepository;
import io.protect.enrich.repository.IntelStore;
import io.protect.enrich.stage.EnrichmentAssembler;
import io.protect.enrich.stage.ObservableExtractor;
import io.protect.model.events.AlertReceived;
import io.protect.model.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The enrich stage's work per record with a warm cache (what {@code EnrichmentService.enrich} and the
 * consumer do, without CDI, Mutiny or Kafka): decode the AlertReceived record, read the
 * observables, locate the addresses in the GeoIP data, match the threat intel, assemble the
 * enriched alert and encode the AlertEnriched record (the alert copied as the bytes it came). Asset
 * and user context are a fixed {@link LookupResult} hit: that is what the Caffeine cache hands back
 * once warm, so no database or cache code is measured. GeoIP and intel are the service's own
 * {@link GeoIpRepository} and {@link IntelStore}: the GeoIP data from {@code -Dprotect.geo} (default
 * {@code .protect/geo}, filled by {@code tools/fetch-geo.sh}; without it the benchmark fails at setup
 * rather than report numbers without geo) and the intel feeds shipped in the enrich jar. Alerts are
 * the real Suricata sample, wrapped as ingest does and cycled round-robin. One thread, so the score
 * is the per-core rate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnrichBenchmark {

    // A demo asset and user (as in the enrich migrations), as the cache returns them on a hit.
    private static final LookupResult<AssetContext> ASSET = LookupResult.found(Optional.of(
            new AssetContext("acme-scan-91", "10.192.91.91", "scan91.acme.example", 3, "secops", "lab")));
    private static final LookupResult<UserContext> USER = LookupResult.found(Optional.of(
            new UserContext("u-1002", "admin.smith", "it", 60, true)));

    private GeoIpRepository geo;
    private IntelStore intel;
    private final EnvelopeFactory envelopes = new EnvelopeFactory(new EventEnvelope.Source("bench", "0", "bench-1"));
    private List<AlertReceived> alerts;
    private List<byte[]> records;
    private int next;

    @Setup
    public void load() throws IOException {
        Path geoDirectory = Path.of(System.getProperty("protect.geo", ".protect/geo"));
        try (GeoIpDatabase probe = GeoIpDatabase.open(geoDirectory)) {
            if (!probe.missingFiles().isEmpty()) {
                throw new IllegalStateException("EnrichBenchmark needs the GeoIP data: " + probe.missingFiles()
                        + " missing in " + geoDirectory.toAbsolutePath()
                        + "; run tools/fetch-geo.sh, or point -Dprotect.geo at the directory it filled");
            }
        }
        EnrichConfig config = config(geoDirectory.toString());
        geo = new GeoIpRepository(config);
        intel = new IntelStore(config);

        Path samples = Path.of(System.getProperty("protect.samples", "services/normalize/src/test/resources/samples"));
        alerts = new ArrayList<>();
        records = new ArrayList<>();
        for (String line : Files.readAllLines(samples.resolve("suricata/wrccdc-2017-alerts.ndjson"))) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode alert = (ObjectNode) Json.parse(line);
            // Ingest keys a Suricata alert by its src_ip and knows no asset.
            AlertReceived received = new AlertReceived(SourceFormat.SURICATA, null, alert.path("src_ip").asText(null),
                    RawJson.of(alert));
            alerts.add(received);
            records.add(EventCodec.encode(envelopes.createEvent(EventType.ALERT_RECEIVED,
                    new EventEnvelope.Tenant("acme", null), received, null), AlertReceived.CODEC));
        }
        if (alerts.isEmpty()) {
            throw new IllegalStateException("no alerts in the Suricata sample");
        }
        // So the reader can tell the lookups find something: counts over the whole set.
        long located = alerts.stream().filter(a -> !geo.locate(observables(a)).isEmpty()).count();
        long matched = alerts.stream().filter(a -> !intel.match(observables(a)).isEmpty()).count();
        System.out.printf("EnrichBenchmark: %d alerts, %d with geo context, %d with intel hits (%d indicators)%n",
                alerts.size(), located, matched, intel.size());
    }

    @Benchmark
    public byte[] enrichOneAlert() {
        byte[] record = records.get(next);
        next = (next + 1) % records.size();
        Event<AlertReceived> in = EventCodec.decode(record, AlertReceived.CODEC, EventCodec.Validation.TYPE);
        AlertReceived alert = in.payload();
        Observables observables = observables(alert);
        Map<String, GeoLocation> located = geo.locate(observables);
        List<IntelHit> hits = intel.match(observables);
        // The same conditions as EnrichmentService: a lookup with nothing to look up is not made.
        LookupResult<AssetContext> asset = alert.assetId() == null && observables.ips().isEmpty()
                ? LookupResult.none() : ASSET;
        LookupResult<UserContext> user = observables.userName() == null ? LookupResult.none() : USER;
        AlertEnriched out = EnrichmentAssembler.assemble(alert, observables, located, hits, asset, user);
        return EventCodec.encode(envelopes.advance(in, EventType.ALERT_ENRICHED, out), AlertEnriched.CODEC);
    }

    private static Observables observables(AlertReceived alert) {
        return ObservableExtractor.extract(alert.sourceFormat(), alert.sourceIp(), alert.alert().object());
    }

    /** The service's configuration with only the GeoIP directory and the shipped intel feeds. */
    private static EnrichConfig config(String geoDirectory) {
        return new EnrichConfig() {
            @Override
            public Geo geo() {
                return () -> Optional.of(geoDirectory);
            }

            @Override
            public Intel intel() {
                return new Intel() {
                    @Override
                    public Optional<String> directory() {
                        return Optional.empty();
                    }

                    @Override
                    public boolean defaultFeed() {
                        return true;
                    }
                };
            }

            @Override
            public Cache cache() {
                return new Cache() {
                    @Override
                    public java.time.Duration expireAfterWrite() {
                        return java.time.Duration.ofMinutes(5);
                    }

                    @Override
                    public long maximumSize() {
                        return 1000;
                    }
                };
            }
        };
    }
}
