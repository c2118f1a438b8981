package io.protect.enrich;

import java.util.Optional;

/**
 * The outcome of one context lookup: found, not found, or failed (the fallback's answer, which marks
 * the enrichment partial).
 *
 * @param value  what was found
 * @param failed true when the lookup could not be made
 */
public record LookupResult<T>(Optional<T> value, boolean failed) {

    public static <T> LookupResult<T> found(Optional<T> value) {
        return new LookupResult<>(value, false);
    }

    public static <T> LookupResult<T> none() {
        return new LookupResult<>(Optional.empty(), false);
    }

    public static <T> LookupResult<T> unavailable() {
        return new LookupResult<>(Optional.empty(), true);
    }
}
