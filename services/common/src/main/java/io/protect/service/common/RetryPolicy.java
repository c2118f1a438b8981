package io.protect.service.common;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: after the n-th failed attempt the next one waits
 * {@code initial × 2^(n-1)}, capped at {@code max}, of which a random half is taken off ("equal
 * jitter"), so that records failing together do not all come back at once, and never sooner than
 * half the nominal delay.
 *
 * @param maxAttempts attempts in all, the first included
 */
public record RetryPolicy(int maxAttempts, Duration initial, Duration max) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("0 <= initial delay <= max delay");
        }
    }

    static RetryPolicy from(StageConfig.Retry config) {
        return new RetryPolicy(config.maxAttempts(), config.initialDelay(), config.maxDelay());
    }

    /** The nominal delay after {@code failedAttempts} failures (1 for the first), before jitter. */
    public long nominalMillis(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long delay = initial.toMillis() << doublings;
        return delay < 0 || delay > max.toMillis() ? max.toMillis() : delay;
    }

    /** The delay to wait after {@code failedAttempts} failures: between half of the nominal delay and all of it. */
    public long delayMillis(int failedAttempts) {
        long nominal = nominalMillis(failedAttempts);
        long half = nominal / 2;
        return half + ThreadLocalRandom.current().nextLong(nominal - half + 1);
    }

    /** Whether a record that has failed this many times may be attempted again. */
    public boolean mayRetry(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }
}
