package io.protect.service.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The per-stage meters every service exposes at {@code /q/metrics}: records processed, failed and
 * dead-lettered, and the processing latency histogram, all tagged with the stage name.
 */
@ApplicationScoped
public class StageMetrics {

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Meters> byStage = new ConcurrentHashMap<>();

    public StageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private record Meters(Counter processed, Counter failed, Counter deadLettered, Timer latency,
            DistributionSummary pollRecords) {
    }

    private Meters meters(String stage) {
        return byStage.computeIfAbsent(stage, s -> new Meters(
                Counter.builder("protect.stage.processed").description("Records a stage processed successfully")
                        .tag("stage", s).register(registry),
                Counter.builder("protect.stage.failed").description("Processing attempts that failed")
                        .tag("stage", s).register(registry),
                Counter.builder("protect.stage.dead.lettered").description("Records sent to the dead letter topic")
                        .tag("stage", s).register(registry),
                Timer.builder("protect.stage.latency").description("Time from receiving a record's poll to its output being acknowledged")
                        .tag("stage", s).publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                        .register(registry),
                DistributionSummary.builder("protect.stage.poll.records")
                        .description("Records in each Kafka poll a stage processed").tag("stage", s).register(registry)));
    }

    /** A poll of {@code records} records came in. */
    public void poll(String stage, int records) {
        meters(stage).pollRecords().record(records);
    }

    public void processed(String stage, long startNanos) {
        Meters m = meters(stage);
        m.processed().increment();
        m.latency().record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void failed(String stage) {
        meters(stage).failed().increment();
    }

    public void deadLettered(String stage) {
        meters(stage).deadLettered().increment();
    }

    /** Processed so far by a stage (for tests and the launcher's summary). */
    public long processedCount(String stage) {
        return (long) meters(stage).processed().count();
    }

    public long deadLetteredCount(String stage) {
        return (long) meters(stage).deadLettered().count();
    }
}
