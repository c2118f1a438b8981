package io.protect.model.events;

/** A user authenticated successfully (schema UserAuthenticationSucceeded 1.0.0). */
public record UserAuthenticationSucceeded(
        String userId,
        String userName,
        String sourceIp,
        String authMethod,
        boolean mfaUsed,
        String application) {
}
