package io.protect.tools.launcher.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The closed loop's pipeline-wide backpressure: ingest answers 202 once Kafka has an alert, long
 * before the alert is stored, so waiting for the 202 alone measures ingest and leaves a queue the
 * drain cannot empty. The loop also pauses while more alerts are accepted than stored or
 * dead-lettered than the pipeline itself gets through in {@link #WINDOW_SECONDS} seconds (at least
 * one batch per sender): enough queued that no stage ever waits for work, little enough that the
 * queue drains in seconds.
 */
final class Backlog implements AutoCloseable {

    static final int WINDOW_SECONDS = 5;
    private static final long POLL_MILLIS = 500;

    private final LongSupplier accepted;
    private final LongSupplier done;
    private final long floor;
    private final Deque<long[]> history = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-backlog");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastDone;
    private volatile long limit;

    /**
     * @param accepted alerts accepted by ingest so far
     * @param done     alerts stored or dead-lettered so far (may lag by a second: it only paces)
     * @param floor    the smallest limit (one batch per sender)
     */
    Backlog(LongSupplier accepted, LongSupplier done, long floor) {
        this.accepted = accepted;
        this.done = done;
        this.floor = floor;
        this.limit = floor;
    }

    void start() {
        timer.scheduleAtFixedRate(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Whether a sender may post another batch now. */
    boolean open() {
        return accepted.getAsLong() - lastDone < limit;
    }

    private void poll() {
        try {
            long now = System.nanoTime();
            long d = done.getAsLong();
            lastDone = d;
            history.addLast(new long[] {now, d});
            while (history.size() > 2 && now - history.peekFirst()[0] > TimeUnit.SECONDS.toNanos(WINDOW_SECONDS)) {
                history.removeFirst();
            }
            limit = limit(floor, history.peekFirst()[1], history.peekFirst()[0], d, now);
        } catch (RuntimeException e) {
            // Keep the last limit: a missed poll only delays pacing.
        }
    }

    /** {@link #WINDOW_SECONDS} seconds of the rate between two observations, never below {@code floor}. */
    static long limit(long floor, long doneBefore, long nanosBefore, long doneNow, long nanosNow) {
        if (nanosNow <= nanosBefore) {
            return floor;
        }
        double perSecond = (doneNow - doneBefore) / ((nanosNow - nanosBefore) / 1e9);
        return Math.max(floor, Math.round(perSecond * WINDOW_SECONDS));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
