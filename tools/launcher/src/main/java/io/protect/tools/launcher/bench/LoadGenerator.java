package io.protect.tools.launcher.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts prepared NDJSON batches to ingest ({@code POST /api/v1/alerts}) in two ways: a closed loop
 * (a few senders, each waiting for its 202 before the next batch: as fast as the pipeline takes
 * them) and a fixed rate (a batch every period on a fixed-rate schedule, answered or not). Only
 * alerts answered with 202 count as sent. Bodies are serialized up front so that the generator
 * costs little CPU next to the pipeline it measures.
 */
final class LoadGenerator {

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");
    /** At most this many requests of the fixed-rate phase in flight; a batch due beyond it is skipped and counted. */
    private static final int MAX_IN_FLIGHT = 256;

    /** One request: a tenant's token and an NDJSON body of {@code alerts} alerts. */
    record Batch(String token, byte[] body, int alerts) {
    }

    /** What a phase sent. {@code acceptedPerSecond}: alerts answered 202, by epoch second of the answer. */
    record Result(long accepted, long failedRequests, long skippedBatches, String firstFailure,
            Map<Long, Long> acceptedPerSecond, Duration elapsed) {
        double acceptedPerSec() {
            return accepted / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final AtomicLong next = new AtomicLong();
    /** Alerts accepted since the generator was made, over all phases (what the sampler reads). */
    private final LongAdder acceptedTotal = new LongAdder();

    LoadGenerator(URI endpoint) {
        this.endpoint = endpoint;
    }

    long acceptedTotal() {
        return acceptedTotal.sum();
    }

    /**
     * {@code senders} threads post batches back to back for {@code duration}, each waiting for its
     * answer; a sender also waits while {@code gate} says the pipeline has enough queued.
     */
    Result closedLoop(List<Batch> batches, int senders, Duration duration, java.util.function.BooleanSupplier gate)
            throws InterruptedException {
        Phase phase = new Phase();
        long t0 = System.nanoTime();
        long deadline = t0 + duration.toNanos();
        Thread[] threads = new Thread[senders];
        for (int i = 0; i < senders; i++) {
            threads[i] = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    if (!gate.getAsBoolean()) {
                        sleepQuietly(10);
                        continue;
                    }
                    Batch b = batches.get((int) (next.getAndIncrement() % batches.size()));
                    try {
                        HttpResponse<String> r = http.send(request(b), HttpResponse.BodyHandlers.ofString());
                        phase.answered(r.statusCode(), r.body());
                    } catch (IOException e) {
                        phase.failed(e.toString());
                        sleepQuietly(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "bench-sender-" + i);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return phase.result(Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * One batch every {@code periodMicros} for {@code duration}, on a fixed-rate schedule: a slow
     * answer does not delay the next batch (no coordinated omission); waits for every answer at the end.
     */
    Result fixedRate(List<Batch> batches, long periodMicros, Duration duration) throws InterruptedException {
        Phase phase = new Phase();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-fixed-rate");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        long deadline = t0 + duration.toNanos();
        scheduler.scheduleAtFixedRate(() -> {
            if (System.nanoTime() >= deadline) {
                return;
            }
            if (!inFlight.tryAcquire()) {
                phase.skipped.increment();
                return;
            }
            Batch b = batches.get((int) (next.getAndIncrement() % batches.size()));
            http.sendAsync(request(b), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                if (e != null) {
                    phase.failed(e.toString());
                } else {
                    phase.answered(r.statusCode(), r.body());
                }
                inFlight.release();
            });
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, deadline - System.nanoTime()));
        scheduler.shutdownNow();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        // Every request sent is answered (202 or not) before the phase's numbers are read.
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 120, TimeUnit.SECONDS)) {
            phase.failed("requests still unanswered 120 s after the phase");
        }
        return phase.result(elapsed);
    }

    private HttpRequest request(Batch b) {
        return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + b.token())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.body())).build();
    }

    /** The counters of one phase. */
    private final class Phase {
        final LongAdder accepted = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder skipped = new LongAdder();
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        final Map<Long, LongAdder> perSecond = new ConcurrentHashMap<>();

        void answered(int status, String body) {
            Matcher m = ACCEPTED.matcher(body);
            if (status == 202 && m.find()) {
                long n = Long.parseLong(m.group(1));
                accepted.add(n);
                acceptedTotal.add(n);
                perSecond.computeIfAbsent(System.currentTimeMillis() / 1000, s -> new LongAdder()).add(n);
            } else {
                failed("HTTP " + status + ": " + body.substring(0, Math.min(300, body.length())));
            }
        }

        void failed(String why) {
            failed.increment();
            firstFailure.compareAndSet(null, why);
        }

        Result result(Duration elapsed) {
            Map<Long, Long> seconds = new TreeMap<>();
            perSecond.forEach((s, n) -> seconds.put(s, n.sum()));
            return new Result(accepted.sum(), failed.sum(), skipped.sum(), firstFailure.get(), seconds, elapsed);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
