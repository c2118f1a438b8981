package io.protect.normalize.mapping.okta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.Enrichment;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.normalize.mapping.Enrichments;
import io.protect.ocsf.model.enums.AccountChangeActivityId;
import io.protect.ocsf.model.enums.ApiActivityActivityId;
import io.protect.ocsf.model.enums.AuthProtocolId;
import io.protect.ocsf.model.enums.AuthenticationActivityId;
import io.protect.ocsf.model.enums.FactorTypeId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.enums.UserTypeId;
import io.protect.ocsf.model.events.AccountChange;
import io.protect.ocsf.model.events.ApiActivity;
import io.protect.ocsf.model.events.Authentication;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Okta mappers on chosen real samples and on edited copies of them; real validator, nothing faked. */
class OktaMapperEdgeCasesTest {

    private final OcsfValidator validator = OcsfValidator.instance();

    static ObjectNode find(String file, int line) {
        return SourceSamples.load("okta", List.of(file)).stream().filter(s -> s.line() == line).findFirst().orElseThrow()
                .event().deepCopy();
    }

    private Record map(JsonNode event) {
        Record r = OktaMappers.forEvent(event).map(SourceSamples.enriched(SourceFormat.OKTA, event), SourceSamples.context());
        var result = validator.validate(Json.MAPPER.valueToTree(r));
        assertTrue(result.valid(), result::toString);
        return r;
    }

    @Test
    void severityScale() {
        assertEquals(SeverityId.INFORMATIONAL, OktaParts.severity("DEBUG"));
        assertEquals(SeverityId.INFORMATIONAL, OktaParts.severity("INFO"));
        assertEquals(SeverityId.MEDIUM, OktaParts.severity("WARN"));
        assertEquals(SeverityId.HIGH, OktaParts.severity("ERROR"));
        assertEquals(SeverityId.UNKNOWN, OktaParts.severity("LOUD"));
        assertEquals(SeverityId.UNKNOWN, OktaParts.severity(null));
    }

    @Test
    void outcomeScale() {
        assertEquals(StatusId.SUCCESS, OktaParts.status("SUCCESS"));
        assertEquals(StatusId.SUCCESS, OktaParts.status("ALLOW"));
        assertEquals(StatusId.FAILURE, OktaParts.status("FAILURE"));
        assertEquals(StatusId.FAILURE, OktaParts.status("DENY"));
        assertEquals(StatusId.OTHER, OktaParts.status("SKIPPED"));
        assertEquals(StatusId.UNKNOWN, OktaParts.status(null));
    }

    @Test
    void aFailedSignInWithReasonLocationAndNetworkOwner() {
        // panther:13 — user.session.start FAILURE / VERIFICATION_ERROR from Brazil, published "redacted".
        ObjectNode event = find("panther-okta-system-log.ndjson", 13);
        Authentication a = (Authentication) map(event);
        assertEquals(AuthenticationActivityId.LOGON, a.activityId());
        assertEquals(StatusId.FAILURE, a.statusId());
        assertEquals("FAILURE", a.statusCode());
        assertEquals("VERIFICATION_ERROR", a.statusDetail());
        assertEquals("admin", a.user().name());
        assertEquals("1.2.3.4", a.srcEndpoint().ip());
        assertEquals("Dois Irmaos", a.srcEndpoint().location().city());
        assertEquals("Rio Grande do Sul", a.srcEndpoint().location().region());
        assertEquals(-29.6116, a.srcEndpoint().location().lat());
        assertEquals(263297, a.srcEndpoint().autonomousSystem().number());
        assertEquals("Okta", a.service().name(), "no app target: the sign-in is to Okta itself");
        // An unreadable time falls back to receipt and stays unmapped.
        assertEquals(SourceSamples.context().receivedAt().toEpochMilli(), a.time());
        assertEquals("redacted", a.unmapped().path("published").asText());
    }

    @Test
    void zoneLessPublishedIsUtcAndIsoPublishedHonoursItsOffset() {
        AccountChange c = (AccountChange) map(find("panther-okta-system-log.ndjson", 17));
        assertEquals(Instant.parse("2021-11-29T18:56:40.014Z").toEpochMilli(), c.time());
        assertEquals(0, c.timezoneOffset());
        ObjectNode event = find("sekoia-okta-system-log.ndjson", 7);
        event.put("published", "2017-09-30T22:23:07.777+02:00");
        Authentication a = (Authentication) map(event);
        assertEquals(Instant.parse("2017-09-30T20:23:07.777Z").toEpochMilli(), a.time());
        assertEquals(120, a.timezoneOffset());
        assertEquals("2017-09-30T22:23:07.777+02:00", a.metadata().originalTime());
    }

    @Test
    void ssoToAnAppViaSamlAssertion() {
        Authentication a = (Authentication) map(find("sekoia-okta-system-log.ndjson", 2)); // auth_via_IDP
        assertEquals(AuthProtocolId.SAML, a.authProtocolId(), "credentialType ASSERTION");
        assertEquals("ASSERTION", a.unmapped().path("authenticationContext").path("credentialType").asText());
        Authentication sso = (Authentication) map(find("sekoia-okta-system-log.ndjson", 5));
        assertEquals(StatusId.FAILURE, sso.statusId());
        assertEquals("INVALID_CREDENTIALS", sso.statusDetail());
        assertTrue(sso.service().name() != null && !sso.service().name().equals("Okta"), "the AppInstance target names the service");
        assertTrue(sso.unmapped().has("target"), "targets stay whole in unmapped");
    }

    @Test
    void mfaAndPushFactors() {
        Authentication mfa = (Authentication) map(find("sekoia-okta-system-log.ndjson", 3));
        assertEquals(Boolean.TRUE, mfa.isMfa());
        Authentication push = (Authentication) map(find("sekoia-okta-system-log.ndjson", 8));
        assertEquals(AuthenticationActivityId.OTHER, push.activityId());
        assertEquals(FactorTypeId.PUSH_NOTIFICATION, push.authFactors().get(0).factorTypeId());
        assertEquals(FactorTypeId.SMS, OktaAuthenticationMapper.factor("sms").factorTypeId());
        assertEquals(FactorTypeId.OTP, OktaAuthenticationMapper.factor("token:software:totp").factorTypeId());
        assertEquals(FactorTypeId.WEBAUTHN, OktaAuthenticationMapper.factor("webauthn").factorTypeId());
        assertEquals(FactorTypeId.OTHER, OktaAuthenticationMapper.factor("carrier-pigeon").factorTypeId());
        assertEquals("carrier-pigeon", OktaAuthenticationMapper.factor("carrier-pigeon").factorType());
        // A factor named in debugData is consumed into auth_factors.
        ObjectNode event = find("sekoia-okta-system-log.ndjson", 3);
        ((ObjectNode) event.with("debugContext").with("debugData")).put("factor", "OKTA_VERIFY_PUSH");
        Authentication f = (Authentication) map(event);
        assertEquals(FactorTypeId.PUSH_NOTIFICATION, f.authFactors().get(0).factorTypeId());
        assertTrue(f.unmapped().path("debugContext").path("debugData").path("factor").isMissingNode());
    }

    @Test
    void accountLockNamesTheLockedUser() {
        AccountChange c = (AccountChange) map(find("sekoia-okta-system-log.ndjson", 1));
        assertEquals(AccountChangeActivityId.LOCK, c.activityId());
        assertEquals(SeverityId.INFORMATIONAL, c.severityId(), "DEBUG");
        assertEquals("DEBUG", c.metadata().logLevel());
        assertEquals("john.doe@example.com", c.user().name());
        assertEquals("LOCKED_OUT", c.statusDetail());
        // Without a User target (ocsf-examples:2) the actor is the locked account.
        AccountChange noTarget = (AccountChange) map(find("ocsf-examples-okta-system-log.ndjson", 2));
        assertEquals("okta@okta-test.com", noTarget.user().name());
        assertEquals(UserTypeId.USER, noTarget.actor().user().typeId());
    }

    @Test
    void passwordAndPrivilegeChanges() {
        assertEquals(AccountChangeActivityId.PASSWORD_RESET, ((AccountChange) map(find("panther-okta-system-log.ndjson", 17))).activityId());
        assertEquals(AccountChangeActivityId.PASSWORD_CHANGE, ((AccountChange) map(find("sekoia-okta-system-log.ndjson", 10))).activityId());
        assertEquals(AccountChangeActivityId.ATTACH_POLICY, ((AccountChange) map(find("panther-okta-system-log.ndjson", 1))).activityId());
    }

    @Test
    void lifecycleEventsRouteToAccountChange() {
        ObjectNode event = find("sekoia-okta-system-log.ndjson", 10);
        for (var e : List.of(List.of("user.lifecycle.create", AccountChangeActivityId.CREATE),
                List.of("user.lifecycle.activate", AccountChangeActivityId.ENABLE),
                List.of("user.lifecycle.deactivate", AccountChangeActivityId.DISABLE),
                List.of("user.lifecycle.suspend", AccountChangeActivityId.DISABLE),
                List.of("user.lifecycle.delete.initiated", AccountChangeActivityId.DELETE),
                List.of("user.account.unlock", AccountChangeActivityId.UNLOCK),
                List.of("user.mfa.factor.activate", AccountChangeActivityId.MFA_FACTOR_ENABLE))) {
            event.put("eventType", (String) e.get(0));
            AccountChange c = assertInstanceOf(AccountChange.class, map(event));
            assertEquals(e.get(1), c.activityId(), (String) e.get(0));
        }
        event.put("eventType", "user.session.end");
        assertEquals(AuthenticationActivityId.LOGOFF, ((Authentication) map(event)).activityId());
        event.put("eventType", "app.oauth2.as.token.grant");
        assertInstanceOf(ApiActivity.class, map(event));
        event.remove("eventType");
        ApiActivity none = assertInstanceOf(ApiActivity.class, map(event));
        assertEquals("unknown", none.api().operation());
    }

    @Test
    void otherEventsAreApiActivityWithResources() {
        ApiActivity a = (ApiActivity) map(find("ocsf-examples-okta-system-log.ndjson", 1)); // system.api_token.create
        assertEquals(ApiActivityActivityId.CREATE, a.activityId());
        assertEquals("system.api_token.create", a.api().operation());
        assertEquals("Okta", a.api().service().name());
        assertEquals("ab609228fe84ce59cdcbfa690bcce016", a.api().request().uid());
        assertEquals("Token", a.resources().get(0).type());
        assertEquals("00phjos6i2N0LcrqO1d71", a.resources().get(0).uid());
        assertNull(a.unmapped().get("target"), "targets mapped to resources leave unmapped");
        // Without a client address (panther:3) the endpoint is named unknown.
        ApiActivity noClient = (ApiActivity) map(find("panther-okta-system-log.ndjson", 3));
        assertEquals("unknown", noClient.srcEndpoint().name());
        assertEquals(SeverityId.MEDIUM, ((ApiActivity) map(find("panther-okta-system-log.ndjson", 5))).severityId(), "WARN");
    }

    @Test
    void apiActivityVerbs() {
        assertEquals(ApiActivityActivityId.DELETE, OktaApiActivityMapper.activity("system.api_token.revoke"));
        assertEquals(ApiActivityActivityId.READ, OktaApiActivityMapper.activity("application.user_membership.show_password"));
        assertEquals(ApiActivityActivityId.CREATE, OktaApiActivityMapper.activity("group.user_membership.add"));
        assertEquals(ApiActivityActivityId.UPDATE, OktaApiActivityMapper.activity("policy.lifecycle.update"));
        assertEquals(ApiActivityActivityId.OTHER, OktaApiActivityMapper.activity("system.org.rate_limit.warning"));
        assertEquals(ApiActivityActivityId.OTHER, OktaApiActivityMapper.activity("security.threat.detected"));
    }

    @Test
    void enrichmentAddsRiskAndFillsInGeoOktaDoesNotGive() {
        ObjectNode event = find("sekoia-okta-system-log.ndjson", 7);
        Enrichment enrichment = Enrichments.parse("""
                {"partial": false,
                 "geo": {"source": {"ip": "1.2.3.4", "countryCode": "AU", "city": "Sydney"}},
                 "intel": [{"indicator": "1.2.3.4", "type": "ip", "confidence": 90, "source": "feed"}],
                 "risk": {"score": 75, "factors": [{"name": "intel-hit", "contribution": 75}]}}
                """);
        Authentication a = (Authentication) OktaMappers.forEvent(event).map(
                SourceSamples.enriched(SourceFormat.OKTA, event, "1.2.3.4", enrichment), SourceSamples.context());
        assertTrue(validator.validate(Json.MAPPER.valueToTree(a)).valid());
        assertEquals(75, a.riskScore());
        assertTrue(a.observables().stream().anyMatch(o -> "1.2.3.4".equals(o.value()) && o.reputation() != null));
        assertTrue(a.enrichments().stream().anyMatch(e -> "threat_intel".equals(e.type())));
        assertEquals("Sydney", a.srcEndpoint().location().city(), "no Okta geo on this event: enrich's fills in");
        ObjectNode withGeo = find("sekoia-okta-system-log.ndjson", 1); // Okta places 1.2.3.4 in Paris
        Authentication b = (Authentication) new OktaAuthenticationMapper().map(
                SourceSamples.enriched(SourceFormat.OKTA, withGeo, "1.2.3.4", enrichment), SourceSamples.context());
        assertEquals("Paris", b.srcEndpoint().location().city(), "Okta's own geo wins over enrich's");
        assertTrue(validator.validate(Json.MAPPER.valueToTree(b)).valid());
    }

    @Test
    void theInputEventIsNotChanged() {
        ObjectNode event = find("sekoia-okta-system-log.ndjson", 4);
        ObjectNode before = event.deepCopy();
        map(event);
        assertEquals(before, event);
    }
}
