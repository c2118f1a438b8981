package io.protect.tools.launcher.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one benchmark run measured, and its three renderings: the Markdown report, the
 * summary table printed at the end, and the machine-readable last line. Pure: no measuring here.
 *
 * @param setup      how the run was configured and on what
 * @param baseline   Kafka's own tools against the same broker
 * @param throughput the closed-loop phase
 * @param latency    the fixed-rate phase
 * @param processes  CPU and memory per process
 * @param clients    the services' Kafka clients at the end of the throughput phase: batch sizes, records per request
 * @param polls      the stages' polls during the throughput phase: records per poll
 * @param jit        the stages' logic with C1 only against C1 and C2 (JMH); empty when not measured
 * @param accounting what was sent, stored and dead-lettered over the whole run
 * @param timeline   one point per second, for the chart and the JSON
 * @param notes      what a reader must know to trust (or not) the numbers
 */
public record BenchReport(Setup setup, Baseline baseline, Throughput throughput, Latency latency,
        List<ProcessUse> processes, List<ClientMetrics.Client> clients, List<ClientMetrics.Polls> polls,
        List<JitFactor.Result> jit, Accounting accounting, List<TimelinePoint> timeline, List<String> notes) {

    /** The run's configuration and machine. */
    public record Setup(String mode, String startedAt, double wallSeconds, int cores, String java, String bootstrap,
            String rawTopic, int partitions, String sources, int senders, int batch) {
    }

    /** ProducerPerformance and ConsumerPerformance on a bench-only topic shaped like security.alerts.raw. */
    public record Baseline(String topic, int partitions, String producerSettings, int payloads, double meanRecordBytes,
            PerfOutput.Producer producer, PerfOutput.Consumer consumer) {
    }

    /**
     * The closed loop: alerts accepted by ingest (202) and rows stored in the phase's window.
     * {@code ratio} is the stored rate over the baseline producer's rate.
     */
    public record Throughput(double seconds, long accepted, double acceptedPerSec, long stored, double storedPerSec,
            double ratio, long failedRequests, double drainSeconds) {
    }

    /**
     * The fixed-rate phase: ingest-accept → stored row (SQL over the phase's rows) and → WebSocket
     * push (arrival at the benchmark's clients). {@code skippedBatches}: batches not sent because too
     * many requests were already in flight.
     */
    public record Latency(int targetRate, double seconds, long accepted, double achievedRate, long skippedBatches,
            long failedRequests, Percentiles.Summary toStore, Percentiles.Summary toWebSocket, double drainSeconds) {
    }

    /** One process (or a group: PostgreSQL's server processes): mean CPU % of one core per phase, peak RSS. */
    public record ProcessUse(String name, Map<String, Double> meanCpuPercent, long maxRssMiB) {
    }

    /** Nothing lost: every alert ingest accepted is a stored row or a dead letter. */
    public record Accounting(long sent, long stored, long deadLettered) {
        /** What is neither stored nor dead-lettered; negative when more came out than went in. */
        public long lost() {
            return sent - stored - deadLettered;
        }

        public boolean balanced() {
            return lost() == 0;
        }
    }

    /**
     * One second of the run: its phase, alerts accepted and rows stored in it, consumer lag per
     * stage and dead letters at its end, and the latencies of the alerts ingested in it.
     */
    public record TimelinePoint(long second, String phase, long accepted, long stored, Map<String, Long> lag,
            long deadLettered, Long storeP50Ms, Long storeP99Ms, Long wsP99Ms) {
    }

    /** The same report with the run's wall time (known only once everything is stopped). */
    public BenchReport withWallSeconds(double seconds) {
        Setup s = setup;
        return new BenchReport(new Setup(s.mode(), s.startedAt(), seconds, s.cores(), s.java(), s.bootstrap(), s.rawTopic(),
                s.partitions(), s.sources(), s.senders(), s.batch()), baseline, throughput, latency, processes, clients, polls,
                jit, accounting, timeline, notes);
    }

    /** The same report with the C1/C2 comparison (measured once everything else is stopped). */
    public BenchReport withJit(List<JitFactor.Result> results) {
        return new BenchReport(setup, baseline, throughput, latency, processes, clients, polls, List.copyOf(results),
                accounting, timeline, notes);
    }

    /** The phases in which CPU is reported, in order. */
    static final List<String> CPU_PHASES = List.of("baseline", "throughput", "latency", "idle");

    /** Processes that are the benchmark's own tools, not part of the stack that runs the pipeline. */
    static final List<String> NOT_THE_STACK = List.of("bench (load generator)", "ProducerPerformance",
            "ConsumerPerformance");

    /** Whether a watched process belongs to the stack (services, broker, database). */
    static boolean inStack(ProcessUse p) {
        return !NOT_THE_STACK.contains(p.name());
    }

    /**
     * CPU time per stored event of a process in the throughput phase, in µs: its mean share of a
     * core over the phase's stored rate. Null when it was not seen in the phase.
     */
    public Double cpuMicrosPerEvent(ProcessUse p) {
        Double pct = p.meanCpuPercent().get("throughput");
        if (pct == null || throughput.storedPerSec() <= 0) {
            return null;
        }
        return pct / 100 * 1e6 / throughput.storedPerSec();
    }

    /** CPU time per stored event of the whole stack (services, broker and database), in µs. */
    public double stackCpuMicrosPerEvent() {
        return processes.stream().filter(BenchReport::inStack).map(this::cpuMicrosPerEvent)
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sum();
    }

    /** The stack's CPU in the idle phase, in % of one core; null when there was no idle phase. */
    public Double stackIdlePercent() {
        List<Double> idle = processes.stream().filter(BenchReport::inStack).map(p -> p.meanCpuPercent().get("idle"))
                .filter(java.util.Objects::nonNull).toList();
        return idle.isEmpty() ? null : idle.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** {@code bench: pipeline N ev/s baseline N rec/s ratio R p99 N ms lost N}. */
    public String lastLine() {
        return String.format(Locale.ROOT, "bench: pipeline %d ev/s baseline %d rec/s ratio %.3f p99 %d ms lost %d",
                Math.round(throughput.storedPerSec()), Math.round(baseline.producer().recordsPerSec()), throughput.ratio(),
                latency.toStore().p99(), accounting.lost());
    }

    /** The table printed at the end of the run. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        row(b, "baseline producer", fmt("%,.0f rec/s  %.1f MiB/s  p50/p99 %d/%d ms (acks=all, lz4, %d partitions)",
                baseline.producer().recordsPerSec(), baseline.producer().mibPerSec(), baseline.producer().p50Ms(),
                baseline.producer().p99Ms(), baseline.partitions()));
        row(b, "baseline consumer", fmt("%,.0f rec/s  %.1f MiB/s while fetching (%,.0f rec/s with the group join)",
                baseline.consumer().fetchRecordsPerSec(), baseline.consumer().fetchMibPerSec(),
                baseline.consumer().recordsPerSec()));
        row(b, "pipeline (stored)", fmt("%,.0f ev/s  (ingest accepted %,.0f ev/s, %d senders × %d)",
                throughput.storedPerSec(), throughput.acceptedPerSec(), setup.senders(), setup.batch()));
        row(b, "ratio to baseline", fmt("%.3f", throughput.ratio()));
        row(b, "CPU per event", fmt("%,.0f µs for the whole stack in the throughput phase (services, broker, database)",
                stackCpuMicrosPerEvent()));
        Double idle = stackIdlePercent();
        if (idle != null) {
            row(b, "idle CPU", fmt("%.1f %% of one core for the whole stack without traffic", idle));
        }
        row(b, "latency → store", fmt("p50 %d  p95 %d  p99 %d  max %d ms  (%,d events at %,d/s; sent %,.0f/s)",
                latency.toStore().p50(), latency.toStore().p95(), latency.toStore().p99(), latency.toStore().max(),
                latency.toStore().count(), latency.targetRate(), latency.achievedRate()));
        row(b, "latency → WebSocket", fmt("p50 %d  p95 %d  p99 %d  max %d ms  (%,d pushes)",
                latency.toWebSocket().p50(), latency.toWebSocket().p95(), latency.toWebSocket().p99(),
                latency.toWebSocket().max(), latency.toWebSocket().count()));
        for (ProcessUse p : processes) {
            Double perEvent = cpuMicrosPerEvent(p);
            row(b, p.name(), fmt("max RSS %5d MiB  mean CPU %s%s", p.maxRssMiB(), cpuText(p),
                    perEvent == null || !inStack(p) ? "" : fmt("  (%,.0f µs/event)", perEvent)));
        }
        for (ClientMetrics.Polls p : polls) {
            row(b, "poll " + p.stage(), fmt("%.1f records per poll (%,d polls)", p.recordsPerPoll(), p.polls()));
        }
        for (ClientMetrics.Client c : clients) {
            row(b, c.clientId().replace("kafka-", ""), clientText(c));
        }
        for (JitFactor.Result j : jit) {
            row(b, "C1 / C2 " + j.benchmark(), fmt("%.1f / %.1f µs  (C1 only is %.1f× slower)", j.c1Micros(), j.c2Micros(),
                    j.factor()));
        }
        row(b, "sent / stored / DLQ", fmt("%,d / %,d / %,d", accounting.sent(), accounting.stored(),
                accounting.deadLettered()));
        row(b, "lost", Long.toString(accounting.lost()));
        row(b, "wall time", fmt("%.0f s", setup.wallSeconds()));
        return b.toString();
    }

    private static String clientText(ClientMetrics.Client c) {
        String bytes = c.batchBytesAvg() == null ? "—" : fmt("%,.0f B", c.batchBytesAvg());
        String records = c.recordsPerRequestAvg() == null ? "—" : fmt("%.1f", c.recordsPerRequestAvg());
        return c.kind().equals("producer")
                ? fmt("%s per batch, %s records per produce request", bytes, records)
                : fmt("%s per fetch, %s records per fetch", bytes, records);
    }

    private static String cpuText(ProcessUse p) {
        List<String> parts = new ArrayList<>();
        for (String phase : CPU_PHASES) {
            Double v = p.meanCpuPercent().get(phase);
            if (v != null) {
                parts.add(fmt("%s %.0f %%", phase, v));
            }
        }
        return String.join(", ", parts);
    }

    /** The Markdown report (report.md). */
    public String markdown(String chartFile) {
        StringBuilder b = new StringBuilder();
        b.append("# Protect benchmark (").append(setup.mode()).append(")\n\n");
        b.append(fmt("Started %s, %.0f s wall time, on %d cores, %s. Kafka at %s; `%s` has %d partitions "
                + "(catalog, local profile). Load: %s, tenants acme and globex.%n%n", setup.startedAt(),
                setup.wallSeconds(), setup.cores(), setup.java(), setup.bootstrap(), setup.rawTopic(), setup.partitions(),
                setup.sources()));
        b.append("## Summary\n\n| measure | value |\n|---|---|\n");
        b.append(fmt("| baseline producer | %,.0f records/s, %.1f MiB/s |%n", baseline.producer().recordsPerSec(),
                baseline.producer().mibPerSec()));
        b.append(fmt("| baseline consumer | %,.0f records/s, %.1f MiB/s (fetching) |%n",
                baseline.consumer().fetchRecordsPerSec(), baseline.consumer().fetchMibPerSec()));
        b.append(fmt("| pipeline, stored | %,.0f events/s |%n", throughput.storedPerSec()));
        b.append(fmt("| ratio pipeline / baseline producer | %.3f |%n", throughput.ratio()));
        b.append(fmt("| CPU per stored event, whole stack (throughput phase) | %,.0f µs |%n", stackCpuMicrosPerEvent()));
        if (stackIdlePercent() != null) {
            b.append(fmt("| CPU of the whole stack without traffic | %.1f %% of one core |%n", stackIdlePercent()));
        }
        b.append(fmt("| ingest → stored at %,d/s, p50 / p95 / p99 / max | %d / %d / %d / %d ms |%n", latency.targetRate(),
                latency.toStore().p50(), latency.toStore().p95(), latency.toStore().p99(), latency.toStore().max()));
        b.append(fmt("| ingest → WebSocket at %,d/s, p50 / p95 / p99 / max | %d / %d / %d / %d ms |%n",
                latency.targetRate(), latency.toWebSocket().p50(), latency.toWebSocket().p95(),
                latency.toWebSocket().p99(), latency.toWebSocket().max()));
        b.append(fmt("| sent (202) / stored / dead-lettered / lost | %,d / %,d / %,d / %d |%n%n", accounting.sent(),
                accounting.stored(), accounting.deadLettered(), accounting.lost()));
        b.append("![throughput and latency over time](").append(chartFile).append(")\n\n");

        b.append("## Baseline: Kafka's own tools\n\n");
        b.append(fmt("`ProducerPerformance` then `ConsumerPerformance` (kafka-tools, the broker's version) on the "
                + "bench-only topic `%s`: %d partitions and the topic configs of `%s`, producer `%s`. Payloads: %d "
                + "real AlertReceived envelopes of the same alerts the load generator sends, %.0f bytes on average "
                + "(`--payload-file`). Both run as child processes of the same `java` before the services start.%n%n",
                baseline.topic(), baseline.partitions(), setup.rawTopic(), baseline.producerSettings(),
                baseline.payloads(), baseline.meanRecordBytes()));
        PerfOutput.Producer p = baseline.producer();
        b.append("| tool | records | records/s | MiB/s | latency (send → ack) |\n|---|---|---|---|---|\n");
        b.append(fmt("| ProducerPerformance | %,d | %,.0f | %.2f | avg %.0f, p50 %d, p95 %d, p99 %d, p99.9 %d, max %.0f ms |%n",
                p.records(), p.recordsPerSec(), p.mibPerSec(), p.avgLatencyMs(), p.p50Ms(), p.p95Ms(), p.p99Ms(),
                p.p999Ms(), p.maxLatencyMs()));
        PerfOutput.Consumer c = baseline.consumer();
        b.append(fmt("| ConsumerPerformance | %,d | %,.0f fetching (%,.0f overall) | %.2f fetching | group join %d ms |%n%n",
                c.records(), c.fetchRecordsPerSec(), c.recordsPerSec(), c.fetchMibPerSec(), c.rebalanceMs()));

        b.append("## Throughput (closed loop)\n\n");
        b.append(fmt("%d senders post NDJSON batches of %d alerts to `POST /api/v1/alerts`, each waiting for its 202 "
                + "before the next, for %.0f s (after a warm-up excluded from the numbers). Stored rate: rows of "
                + "`store.ocsf_events` whose `stored_at` falls in the phase, over its length.%n%n",
                setup.senders(), setup.batch(), throughput.seconds()));
        b.append("| accepted (202) | accepted/s | stored in the phase | stored/s | ratio to baseline | failed requests | drain after |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        b.append(fmt("| %,d | %,.0f | %,d | %,.0f | %.3f | %d | %.1f s |%n%n", throughput.accepted(),
                throughput.acceptedPerSec(), throughput.stored(), throughput.storedPerSec(), throughput.ratio(),
                throughput.failedRequests(), throughput.drainSeconds()));

        b.append("## Latency (fixed rate)\n\n");
        b.append(fmt("%,d events/s for %.0f s, sent on a fixed-rate schedule whether or not earlier requests have "
                + "been answered. Per event: `stored_at - ingested_at` of its row (ingest's accept time is in its "
                + "UUID v7 id), and the arrival of its WebSocket message minus the message's `ingestedAt`, one "
                + "client per tenant. Exact percentiles over every event of the phase.%n%n", latency.targetRate(),
                latency.seconds()));
        b.append("| path | events | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
        b.append(latencyRow("ingest → stored", latency.toStore()));
        b.append(latencyRow("ingest → WebSocket", latency.toWebSocket()));
        b.append(fmt("%nAccepted %,d (%,.0f/s achieved), %d batches skipped, %d failed requests; drain after %.1f s.%n%n",
                latency.accepted(), latency.achievedRate(), latency.skippedBatches(), latency.failedRequests(),
                latency.drainSeconds()));

        b.append("## Processes\n\nMean CPU in % of one core (");
        b.append(setup.cores()).append(" cores = ").append(setup.cores() * 100).append(" %), sampled every second; peak resident memory.\n\n");
        b.append("µs/event: CPU time per stored event in the throughput phase (mean share of a core over the stored "
                + "rate).\n\n");
        b.append("| process | baseline | throughput | latency | idle | µs/event | max RSS |\n|---|---|---|---|---|---|---|\n");
        for (ProcessUse u : processes) {
            b.append("| ").append(u.name());
            for (String phase : CPU_PHASES) {
                Double v = u.meanCpuPercent().get(phase);
                b.append(" | ").append(v == null ? "—" : fmt("%.1f %%", v));
            }
            Double perEvent = cpuMicrosPerEvent(u);
            b.append(" | ").append(perEvent == null || !inStack(u) ? "—" : fmt("%,.0f", perEvent));
            b.append(fmt(" | %d MiB |%n", u.maxRssMiB()));
        }
        b.append(fmt("| **stack** | | | | %s | %,.0f | |%n", stackIdlePercent() == null ? "—" : fmt("%.1f %%", stackIdlePercent()),
                stackCpuMicrosPerEvent()));
        b.append("\n## Kafka batches\n\nAt the end of the throughput phase, from each service's `/q/metrics` "
                + "(the clients' own averages over their last sample windows), and records per poll of each stage over "
                + "the phase:\n\n");
        b.append("| service | client | batch or fetch size | records per request |\n|---|---|---|---|\n");
        for (ClientMetrics.Client client : clients) {
            b.append(fmt("| %s | %s | %s | %s |%n", client.service(), client.clientId(),
                    client.batchBytesAvg() == null ? "—" : fmt("%,.0f B", client.batchBytesAvg()),
                    client.recordsPerRequestAvg() == null ? "—" : fmt("%.1f", client.recordsPerRequestAvg())));
        }
        if (!polls.isEmpty()) {
            b.append("\n| service | stage | polls | records per poll |\n|---|---|---|---|\n");
            for (ClientMetrics.Polls poll : polls) {
                b.append(fmt("| %s | %s | %,d | %.1f |%n", poll.service(), poll.stage(), poll.polls(), poll.recordsPerPoll()));
            }
        }
        if (!jit.isEmpty()) {
            b.append("\n## C1 only against C1 + C2\n\nJMH (`tools/bench`), one short run each way once the stack is "
                    + "stopped: µs per operation with `-XX:TieredStopAtLevel=1` (the local services' setting) and with the "
                    + "JVM's default tiered compilation.\n\n| benchmark | C1 only | C1 + C2 | factor |\n|---|---|---|---|\n");
            for (JitFactor.Result j : jit) {
                b.append(fmt("| %s | %.2f µs | %.2f µs | %.1f× |%n", j.benchmark(), j.c1Micros(), j.c2Micros(), j.factor()));
            }
        }
        b.append("\n## Consumer lag\n\nMaximum lag (records) per consumer group and phase:\n\n");
        b.append(lagTable());
        b.append("\n## Nothing lost\n\n");
        b.append(fmt("Sent (accepted with 202) %,d; stored %,d; dead-lettered %,d (end offsets of the catalog's "
                + "dead-letter topics); lost %d: %s.%n", accounting.sent(), accounting.stored(),
                accounting.deadLettered(), accounting.lost(), accounting.balanced() ? "every alert is accounted for"
                        : "**NOT every alert is accounted for**"));
        if (!notes.isEmpty()) {
            b.append("\n## Notes\n\n");
            notes.forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.toString();
    }

    private String lagTable() {
        Map<String, Map<String, Long>> max = new LinkedHashMap<>();
        List<String> phases = new ArrayList<>();
        for (TimelinePoint t : timeline) {
            if (!phases.contains(t.phase())) {
                phases.add(t.phase());
            }
            t.lag().forEach((group, lag) -> max.computeIfAbsent(group, g -> new LinkedHashMap<>()).merge(t.phase(), lag,
                    Math::max));
        }
        StringBuilder b = new StringBuilder("| group |");
        phases.forEach(p -> b.append(' ').append(p).append(" |"));
        b.append("\n|---|");
        phases.forEach(p -> b.append("---|"));
        b.append('\n');
        max.forEach((group, byPhase) -> {
            b.append("| ").append(group).append(" |");
            phases.forEach(p -> b.append(' ').append(byPhase.containsKey(p) ? fmt("%,d", byPhase.get(p)) : "—").append(" |"));
            b.append('\n');
        });
        return b.toString();
    }

    private static String latencyRow(String name, Percentiles.Summary s) {
        return fmt("| %s | %,d | %d ms | %d ms | %d ms | %d ms |%n", name, s.count(), s.p50(), s.p95(), s.p99(), s.max());
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append(fmt("  %-22s %s%n", name, value));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
