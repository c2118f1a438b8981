package io.protect.enrich.client;

import io.protect.enrich.ContextKey;
import io.protect.enrich.repository.AssetRepository;
import io.protect.enrich.repository.UserRepository;
import io.protect.model.events.AssetContext;
import io.protect.model.events.UserContext;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Asset and user context from the database, one statement per kind for all the keys of a poll,
 * made resilient: each attempt is bounded in time; failed attempts are retried with exponential
 * backoff and jitter (50 ms, then 100 ms); and after 5 failed attempts in a row the circuit opens
 * for 30 s, so that a database outage costs one fast failure per poll instead of a pile of waiting
 * queries, until 3 trial calls succeed. Answers are cached by the caller (see ContextCache), not here.
 */
@ApplicationScoped
public class ContextClient implements ContextSource {

    private final AssetRepository assets;
    private final UserRepository users;

    public ContextClient(AssetRepository assets, UserRepository users) {
        this.assets = assets;
        this.users = users;
    }

    @Override
    @AsynchronousNonBlocking
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 3)
    // Retrying while the circuit is open only burns the caller's time budget: give up at once.
    @Retry(maxRetries = 2, delay = 50, jitter = 25, maxDuration = 2, durationUnit = ChronoUnit.SECONDS,
            abortOn = CircuitBreakerOpenException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.SECONDS)
    // Per attempt (the innermost strategy), so that one hung query does not use up the whole budget.
    @Timeout(value = 500, unit = ChronoUnit.MILLIS)
    public Uni<Map<ContextKey, AssetContext>> assets(Collection<? extends ContextKey> keys) {
        return assets.find(keys);
    }

    @Override
    @AsynchronousNonBlocking
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 3)
    @Retry(maxRetries = 2, delay = 50, jitter = 25, maxDuration = 2, durationUnit = ChronoUnit.SECONDS,
            abortOn = CircuitBreakerOpenException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.SECONDS)
    @Timeout(value = 500, unit = ChronoUnit.MILLIS)
    public Uni<Map<ContextKey, UserContext>> users(Collection<ContextKey.User> keys) {
        return users.find(keys);
    }
}
