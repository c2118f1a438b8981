package io.protect.enrich.client;

import io.protect.enrich.AssetContext;
import io.protect.enrich.UserContext;
import io.protect.enrich.repository.AssetRepository;
import io.protect.enrich.repository.UserRepository;
import io.quarkus.cache.CacheResult;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Asset and user context from the database, made resilient and cheap: answers (found or not) are
 * cached per tenant and key; each attempt is bounded in time; failed attempts are retried with
 * exponential backoff and jitter (100 ms, doubling, 5 retries, at most 30 s in all); and after 5 failed
 * attempts in a row the circuit opens for 30 s, so a database outage costs one fast failure per
 * alert instead of a pile of waiting queries, until 3 trial calls succeed.
 *
 * <p>The cache sits outside fault tolerance (its interceptor runs first), so a cached answer never
 * touches the circuit breaker; failures are not cached.
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
    @CacheResult(cacheName = "enrich-assets")
    @AsynchronousNonBlocking
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 3)
    // Retrying while the circuit is open only burns the retry budget: give up at once.
    @Retry(maxRetries = 5, delay = 100, jitter = 50, maxDuration = 30, durationUnit = ChronoUnit.SECONDS,
            abortOn = CircuitBreakerOpenException.class)
    // 100, 200, 400, 800, 1600 ms (plus jitter); the cap only matters if the retries are raised, and
    // must stay below the 30 s maximum duration.
    @ExponentialBackoff(factor = 2, maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    // Per attempt (the innermost strategy), so one hung query does not use up the caller's whole budget.
    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    public Uni<Optional<AssetContext>> asset(String tenantId, String assetId, List<String> ips) {
        return assets.find(tenantId, assetId, ips);
    }

    @Override
    @CacheResult(cacheName = "enrich-users")
    @AsynchronousNonBlocking
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 3)
    @Retry(maxRetries = 5, delay = 100, jitter = 50, maxDuration = 30, durationUnit = ChronoUnit.SECONDS,
            abortOn = CircuitBreakerOpenException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    public Uni<Optional<UserContext>> user(String tenantId, String userName) {
        return users.findByName(tenantId, userName);
    }
}
