package io.protect.normalize.mapping.okta;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.normalize.mapping.AlertMapper;

/**
 * Picks the mapper for an Okta System Log event (sourceFormat {@code okta}) by its
 * {@code eventType}: sign-in, session and MFA verification → {@link OktaAuthenticationMapper}
 * (Authentication 3002); user lifecycle, lock, password, privilege and factor enrolment →
 * {@link OktaAccountChangeMapper} (Account Change 3001); everything else →
 * {@link OktaApiActivityMapper} (API Activity 6003).
 */
public final class OktaMappers {

    private static final OktaAuthenticationMapper AUTHENTICATION = new OktaAuthenticationMapper();
    private static final OktaAccountChangeMapper ACCOUNT_CHANGE = new OktaAccountChangeMapper();
    private static final OktaApiActivityMapper API_ACTIVITY = new OktaApiActivityMapper();

    private OktaMappers() {
    }

    /** The mapper for an event; API Activity when the eventType is unknown or absent. */
    public static AlertMapper forEvent(JsonNode alert) {
        String type = alert == null ? "" : alert.path("eventType").asText("");
        if (OktaAccountChangeMapper.handles(type)) {
            return ACCOUNT_CHANGE;
        }
        if (type.startsWith("user.session.") || type.startsWith("user.authentication.")
                || type.startsWith("user.mfa.") || type.startsWith("system.push.send_factor_verify")) {
            return AUTHENTICATION;
        }
        return API_ACTIVITY;
    }
}
