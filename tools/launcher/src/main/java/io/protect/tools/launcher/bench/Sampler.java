package io.protect.tools.launcher.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Samples the run every second: CPU and resident memory of each watched process (a name may stand
 * for several processes, as PostgreSQL's server does), consumer lag per group, dead letters, and
 * alerts accepted so far. Tagged with the phase the run is in.
 */
final class Sampler implements AutoCloseable {

    /** One second of the run. CPU in % of one core since the previous sample. */
    record Sample(long atMillis, String phase, Map<String, Double> cpu, Map<String, Long> rssMiB, Map<String, Long> lag,
            long deadLettered, long accepted) {
    }

    private final Map<String, Supplier<Collection<Long>>> processes = new LinkedHashMap<>();
    private final KafkaWatch kafka;
    private final Collection<String> groups;
    private final LongSupplier accepted;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-sampler");
        t.setDaemon(true);
        return t;
    });
    private volatile String phase = "start";
    private volatile boolean watchKafkaGroups;
    private Map<Long, Long> lastTicks = new HashMap<>();
    private long lastNanos;

    Sampler(KafkaWatch kafka, Collection<String> groups, LongSupplier accepted) {
        this.kafka = kafka;
        this.groups = List.copyOf(groups);
        this.accepted = accepted;
    }

    /** Watches a process (or a group of them) under a name from now on. */
    synchronized void watch(String name, Supplier<Collection<Long>> pids) {
        processes.put(name, pids);
    }

    /** Whether the consumer groups exist yet (the services run). */
    void watchGroups(boolean on) {
        watchKafkaGroups = on;
    }

    void phase(String name) {
        phase = name;
    }

    void start() {
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    private synchronized void sample() {
        try {
            long now = System.nanoTime();
            Map<Long, Long> ticks = new HashMap<>();
            Map<String, Double> cpu = new LinkedHashMap<>();
            Map<String, Long> rss = new LinkedHashMap<>();
            for (Map.Entry<String, Supplier<Collection<Long>>> e : processes.entrySet()) {
                long delta = 0;
                long rssKiB = 0;
                boolean any = false;
                for (long pid : e.getValue().get()) {
                    OptionalLong t = ProcStat.cpuTicks(pid);
                    OptionalLong r = ProcStat.rssKiB(pid);
                    if (t.isEmpty() || r.isEmpty()) {
                        continue;
                    }
                    any = true;
                    ticks.put(pid, t.getAsLong());
                    // A process first seen now spent all its CPU time since the previous sample.
                    delta += t.getAsLong() - lastTicks.getOrDefault(pid, lastNanos == 0 ? t.getAsLong() : 0L);
                    rssKiB += r.getAsLong();
                }
                if (any) {
                    if (lastNanos != 0) {
                        cpu.put(e.getKey(), ProcStat.percent(delta, now - lastNanos));
                    }
                    rss.put(e.getKey(), rssKiB / 1024);
                }
            }
            Map<String, Long> lag = watchKafkaGroups ? kafka.lag(groups) : Map.of();
            long dead = kafka.records(KafkaWatch.deadLetterTopics());
            if (lastNanos != 0) {
                samples.add(new Sample(System.currentTimeMillis(), phase, cpu, rss, lag, dead, accepted.getAsLong()));
            }
            lastTicks = ticks;
            lastNanos = now;
        } catch (Exception e) {
            // A missed second (the broker slow to answer) leaves a gap in the time line, nothing more.
        }
    }

    /**
     * Per watched name: mean CPU over the samples of each phase of {@code phases} in which it was
     * seen, and its peak RSS over the whole run.
     */
    static List<BenchReport.ProcessUse> processUse(List<Sample> samples, List<String> phases) {
        Map<String, Map<String, double[]>> sums = new LinkedHashMap<>();
        Map<String, Long> maxRss = new LinkedHashMap<>();
        for (Sample s : samples) {
            s.rssMiB().forEach((name, mib) -> maxRss.merge(name, mib, Math::max));
            if (phases.contains(s.phase())) {
                s.cpu().forEach((name, pct) -> {
                    double[] sum = sums.computeIfAbsent(name, n -> new LinkedHashMap<>())
                            .computeIfAbsent(s.phase(), p -> new double[2]);
                    sum[0] += pct;
                    sum[1]++;
                });
            }
        }
        List<BenchReport.ProcessUse> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : maxRss.entrySet()) {
            Map<String, Double> means = new LinkedHashMap<>();
            for (String phase : phases) {
                double[] sum = sums.getOrDefault(e.getKey(), Map.of()).get(phase);
                if (sum != null && sum[1] > 0) {
                    means.put(phase, sum[0] / sum[1]);
                }
            }
            out.add(new BenchReport.ProcessUse(e.getKey(), means, e.getValue()));
        }
        return out;
    }

    /** The process and every process under it (PostgreSQL's postmaster and its backends). */
    static Collection<Long> withDescendants(long pid) {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(p -> {
            pids.add(p.pid());
            p.descendants().forEach(d -> pids.add(d.pid()));
        });
        return pids;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
