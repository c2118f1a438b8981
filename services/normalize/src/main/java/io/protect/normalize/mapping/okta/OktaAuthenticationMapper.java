package io.protect.normalize.mapping.okta;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.EnrichmentView;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.SourceFields;
import io.protect.ocsf.model.enums.AuthProtocolId;
import io.protect.ocsf.model.enums.AuthenticationActivityId;
import io.protect.ocsf.model.enums.FactorTypeId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.events.Authentication;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.AuthFactor;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Service;
import io.protect.ocsf.model.objects.Session;
import io.protect.ocsf.model.objects.User;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Maps Okta sign-in, session and MFA events ({@code user.session.*}, {@code user.authentication.*},
 * {@code user.mfa.*} except factor lifecycle, {@code system.push.send_factor_verify_push}) to an
 * OCSF 1.8.0 Authentication event (class 3002).
 *
 * <p>Mapping (Okta → OCSF), besides the shared parts documented on {@link OktaParts}:
 * <ul>
 *   <li>activity: {@code user.session.start} and {@code user.authentication.*} → Logon (1),
 *       {@code user.session.end} → Logoff (2), other MFA/push events → Other (99).</li>
 *   <li>{@code actor} → {@code user} (the subject authenticating) and {@code actor.user}.</li>
 *   <li>The first {@code AppInstance} target → {@code service} (uid, name), else service "Okta";
 *       targets stay whole in {@code unmapped}.</li>
 *   <li>{@code authenticationContext}: credentialType ASSERTION/SAML* → auth_protocol SAML,
 *       OAUTH2/JWT → OAUTH 2.0; authenticationProvider ACTIVE_DIRECTORY/LDAP → LDAP, any other
 *       provider (FEDERATION, FACTOR_PROVIDER, ...) → Other with the provider as auth_protocol;
 *       none → not set. FACTOR_PROVIDER, {@code auth_via_mfa}, push and {@code user.mfa.*} events
 *       set {@code is_mfa}.</li>
 *   <li>MFA factor: {@code debugContext.debugData.factor} (or the push of
 *       {@code send_factor_verify_push}) → {@code auth_factors[0]} (push, SMS, call, email, OTP,
 *       U2F, WebAuthn, security question, password, hardware token; other → Other).</li>
 * </ul>
 */
public final class OktaAuthenticationMapper implements AlertMapper {

    @Override
    public Authentication map(AlertEnriched input, MappingContext context) {
        SourceFields f = new SourceFields(input.alert().object());
        EnrichmentView enrichment = new EnrichmentView(input.enrichment());
        String eventType = f.peek("eventType").map(JsonNode::asText).orElse("");

        OktaParts.Time time = OktaParts.time(f, context);
        String severityWord = f.takeText("severity").orElse(null);
        SeverityId severity = OktaParts.severity(severityWord);
        OktaParts.Outcome outcome = OktaParts.outcome(f);
        User user = OktaParts.user(f, "actor");
        NetworkEndpoint src = OktaParts.srcEndpoint(f, enrichment);

        // Protocol and MFA
        String provider = f.peek("authenticationContext.authenticationProvider").map(JsonNode::asText).orElse(null);
        AuthProtocolId protocol = protocol(f);
        String factorText = f.peek("debugContext.debugData.factor").filter(JsonNode::isTextual).map(JsonNode::asText)
                .orElse(eventType.startsWith("system.push.") ? "PUSH" : null);
        if (f.peek("debugContext.debugData.factor").isPresent() && factorText != null) {
            f.consume("debugContext.debugData.factor");
        }
        boolean mfa = "FACTOR_PROVIDER".equals(provider) || eventType.contains("mfa") || eventType.startsWith("system.push.")
                || factorText != null;
        List<AuthFactor> factors = factorText == null ? null : List.of(factor(factorText));

        Session session = OktaParts.session(f, mfa ? Boolean.TRUE : null);
        JsonNode app = OktaParts.target(f, "AppInstance");
        // Without an app target the user signs in to Okta itself (OCSF wants a service or dst_endpoint).
        Service service = app == null ? Service.builder().name(OktaApiActivityMapper.SERVICE).build() : Service.builder()
                .uid(OktaParts.text(app, "id"))
                .name(OktaParts.text(app, "displayName") != null ? OktaParts.text(app, "displayName") : OktaParts.text(app, "alternateId"))
                .build();

        AuthenticationActivityId activity = activity(eventType);
        String message = f.takeText("displayMessage").orElse(null);
        var metadata = OktaParts.metadata(f, time, context, severityWord, null);
        List<Observable> observables = OktaParts.observables(src, user, null, enrichment);

        Authentication.Builder b = Authentication.builder()
                .activityId(activity)
                .activityName(activity.caption())
                .className("Authentication")
                .categoryName("Identity & Access Management")
                .typeName("Authentication: " + activity.caption())
                .time(time.epochMillis())
                .timezoneOffset(time.offsetMinutes())
                .severityId(severity)
                .severity(severity.caption())
                .statusId(outcome.statusId())
                .status(outcome.statusId().caption())
                .statusCode(outcome.code())
                .statusDetail(outcome.detail())
                .message(message)
                .user(user != null ? user : User.builder().name("unknown").build())
                .actor(user == null && session == null ? null : Actor.builder().user(user).session(session).build())
                .session(session)
                .srcEndpoint(src)
                .httpRequest(OktaParts.httpRequest(f))
                .service(service)
                .authProtocolId(protocol)
                .authProtocol(protocol == null ? null : protocol == AuthProtocolId.OTHER ? provider : protocol.caption())
                .authFactors(factors)
                .isMfa(mfa ? Boolean.TRUE : null)
                .observables(observables.isEmpty() ? null : observables)
                .metadata(metadata)
                .rawData(OcsfParts.rawData(input.alert().object()));
        OptionalInt risk = enrichment.riskScore();
        if (risk.isPresent()) {
            var level = OcsfParts.riskLevel(risk.getAsInt());
            b.riskScore(risk.getAsInt()).riskLevelId(level).riskLevel(level.caption()).riskDetails(OcsfParts.riskDetails(enrichment));
        }
        var enrichments = OktaParts.enrichments(enrichment, src, input.assetId());
        b.enrichments(enrichments.isEmpty() ? null : enrichments);
        b.unmapped(f.unmapped());
        return b.build();
    }

    static AuthenticationActivityId activity(String eventType) {
        if (eventType.equals("user.session.end")) {
            return AuthenticationActivityId.LOGOFF;
        }
        if (eventType.equals("user.session.start") || eventType.startsWith("user.authentication.")) {
            return AuthenticationActivityId.LOGON;
        }
        return AuthenticationActivityId.OTHER;
    }

    /** The auth protocol from authenticationContext (documented on the class), consuming what it used. */
    static AuthProtocolId protocol(SourceFields f) {
        String credentialType = f.peek("authenticationContext.credentialType").filter(JsonNode::isTextual)
                .map(n -> n.asText().toUpperCase(Locale.ROOT)).orElse("");
        // credentialType and a known provider stay in unmapped: the protocol is derived, not the same value.
        if (credentialType.equals("ASSERTION") || credentialType.startsWith("SAML")) {
            return AuthProtocolId.SAML;
        }
        if (credentialType.equals("OAUTH2") || credentialType.equals("JWT")) {
            return AuthProtocolId.OAUTH_2_0;
        }
        String provider = f.peek("authenticationContext.authenticationProvider").filter(JsonNode::isTextual)
                .map(n -> n.asText().toUpperCase(Locale.ROOT)).orElse("");
        if (provider.isEmpty()) {
            return null;
        }
        if (provider.equals("ACTIVE_DIRECTORY") || provider.equals("LDAP")) {
            return AuthProtocolId.LDAP;
        }
        f.consume("authenticationContext.authenticationProvider"); // it becomes auth_protocol's text
        return AuthProtocolId.OTHER;
    }

    /** An Okta factor name (OKTA_VERIFY_PUSH, SMS, ...) as an OCSF auth factor. */
    static AuthFactor factor(String okta) {
        String t = okta.toUpperCase(Locale.ROOT);
        FactorTypeId id;
        if (t.contains("PUSH")) {
            id = FactorTypeId.PUSH_NOTIFICATION;
        } else if (t.contains("SMS")) {
            id = FactorTypeId.SMS;
        } else if (t.contains("CALL")) {
            id = FactorTypeId.PHONE_CALL;
        } else if (t.contains("EMAIL")) {
            id = FactorTypeId.EMAIL;
        } else if (t.contains("U2F")) {
            id = FactorTypeId.U2F;
        } else if (t.contains("WEBAUTHN") || t.contains("FIDO")) {
            id = FactorTypeId.WEBAUTHN;
        } else if (t.contains("QUESTION")) {
            id = FactorTypeId.SECURITY_QUESTION;
        } else if (t.contains("PASSWORD")) {
            id = FactorTypeId.PASSWORD;
        } else if (t.contains("HARDWARE") || t.contains("YUBIKEY")) {
            id = FactorTypeId.HARDWARE_TOKEN;
        } else if (t.contains("OTP") || t.contains("TOKEN")) {
            id = FactorTypeId.OTP;
        } else {
            id = FactorTypeId.OTHER;
        }
        return AuthFactor.builder().factorTypeId(id).factorType(id == FactorTypeId.OTHER ? okta : id.caption()).provider("Okta").build();
    }
}
