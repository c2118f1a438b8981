package io.protect.tools.launcher;

import io.protect.model.messaging.MessagingTuning;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the services' Kafka clients batch and compress when the launcher runs them all on one
 * machine, with the broker on loopback: the one place that decides it for {@code demo}, {@code up}
 * and {@code bench} (and for the benchmark's baseline producer, which must use the producer settings
 * the stages use). Each setting can be overridden with the environment variable the services read
 * ({@code PROTECT_MESSAGING_LINGER_MS}, {@code _FETCH_MIN_BYTES}, {@code _FETCH_MAX_WAIT_MS},
 * {@code _COMPRESSION}, {@code _TRACING}).
 */
public final class LocalTuning {

    /**
     * The launcher's settings on one machine, before overrides: the services' defaults, but no
     * compression. On loopback, compressing saves no network, and the local topics keep what
     * producers send (their compression.type is "producer"), so lz4 would only cost CPU in every
     * producer, consumer and the broker; lz4 was 6-8 % of each service's CPU in the profiles. Two
     * runs each in the same hour were within the machine's noise either way (562 and 541 events/s
     * stored without compression, 527 and 275 with lz4).
     */
    public static final MessagingTuning LOCAL = new MessagingTuning(MessagingTuning.DEFAULT.tracing(),
            MessagingTuning.DEFAULT.lingerMs(), MessagingTuning.DEFAULT.fetchMinBytes(),
            MessagingTuning.DEFAULT.fetchMaxWaitMs(), "none");

    static final String LINGER = "PROTECT_MESSAGING_LINGER_MS";
    static final String FETCH_MIN_BYTES = "PROTECT_MESSAGING_FETCH_MIN_BYTES";
    static final String FETCH_MAX_WAIT = "PROTECT_MESSAGING_FETCH_MAX_WAIT_MS";
    static final String COMPRESSION = "PROTECT_MESSAGING_COMPRESSION";
    static final String TRACING = "PROTECT_MESSAGING_TRACING";

    private LocalTuning() {
    }

    /** The settings in effect: the launcher's, with what the environment overrides. */
    public static MessagingTuning effective(Map<String, String> env) {
        return new MessagingTuning(
                env.containsKey(TRACING) ? Boolean.parseBoolean(env.get(TRACING)) : LOCAL.tracing(),
                number(env, LINGER, LOCAL.lingerMs()),
                number(env, FETCH_MIN_BYTES, LOCAL.fetchMinBytes()),
                number(env, FETCH_MAX_WAIT, LOCAL.fetchMaxWaitMs()),
                env.getOrDefault(COMPRESSION, LOCAL.compression()));
    }

    /** The environment that gives a service these settings. */
    public static Map<String, String> env(MessagingTuning t) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(LINGER, Integer.toString(t.lingerMs()));
        env.put(FETCH_MIN_BYTES, Integer.toString(t.fetchMinBytes()));
        env.put(FETCH_MAX_WAIT, Integer.toString(t.fetchMaxWaitMs()));
        env.put(COMPRESSION, t.compression());
        env.put(TRACING, Boolean.toString(t.tracing()));
        return env;
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + v + "'");
        }
    }
}
