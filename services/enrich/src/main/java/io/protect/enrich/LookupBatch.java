package io.protect.enrich;

import java.util.Map;

/**
 * The answer to one lookup of many keys: what was found, or that the lookup could not be made (the
 * fallback's answer, which marks the alerts that needed it partially enriched).
 *
 * @param found  the keys that have context; a key absent from it has none
 * @param failed true when the lookup could not be made, so that absence means nothing
 */
public record LookupBatch<V>(Map<ContextKey, V> found, boolean failed) {

    public static <V> LookupBatch<V> of(Map<ContextKey, V> found) {
        return new LookupBatch<>(found, false);
    }

    public static <V> LookupBatch<V> unavailable() {
        return new LookupBatch<>(Map.of(), true);
    }
}
