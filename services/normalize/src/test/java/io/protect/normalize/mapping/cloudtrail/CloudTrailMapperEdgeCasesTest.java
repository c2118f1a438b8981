package io.protect.normalize.mapping.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.normalize.mapping.okta.SourceSamples;
import io.protect.ocsf.model.enums.ApiActivityActivityId;
import io.protect.ocsf.model.enums.AuthProtocolId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.enums.UserTypeId;
import io.protect.ocsf.model.events.ApiActivity;
import io.protect.ocsf.model.events.Authentication;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CloudTrail mappers on chosen real records and edited copies; real validator, nothing faked. */
class CloudTrailMapperEdgeCasesTest {

    private final OcsfValidator validator = OcsfValidator.instance();

    static ObjectNode find(String file, int line) {
        return SourceSamples.load("cloudtrail", List.of(file)).stream().filter(s -> s.line() == line).findFirst().orElseThrow()
                .event().deepCopy();
    }

    private Record map(JsonNode event) {
        Record r = CloudTrailMappers.forEvent(event).map(SourceSamples.enriched(SourceFormat.CLOUDTRAIL, event), SourceSamples.context());
        var result = validator.validate(Json.MAPPER.valueToTree(r));
        assertTrue(result.valid(), result::toString);
        return r;
    }

    @Test
    void consoleLoginFailureWithMfa() {
        Authentication a = (Authentication) map(find("panther-cloudtrail.ndjson", 42));
        assertEquals(StatusId.FAILURE, a.statusId());
        assertEquals("Failure", a.statusCode());
        assertEquals(Boolean.TRUE, a.isMfa(), "MFAUsed Yes");
        assertEquals(SeverityId.LOW, a.severityId());
        assertEquals("signin.amazonaws.com", a.service().name());
        assertEquals("ConsoleLogin", a.api().operation());
        assertEquals(List.of("cloud"), a.metadata().profiles());
    }

    @Test
    void consoleLoginSuccessWithoutMfaAndRootSignIn() {
        Authentication a = (Authentication) map(find("panther-cloudtrail.ndjson", 37));
        assertEquals(StatusId.SUCCESS, a.statusId());
        assertEquals(Boolean.FALSE, a.isMfa(), "MFAUsed No");
        assertEquals(SeverityId.INFORMATIONAL, a.severityId());
        assertEquals(UserTypeId.USER, a.user().typeId());
        assertNull(a.authProtocolId(), "no protocol claimed without a SAML provider");
        Authentication root = (Authentication) map(find("sekoia-cloudtrail.ndjson", 10));
        assertEquals(UserTypeId.ADMIN, root.user().typeId());
        assertEquals("Root", root.user().type());
        assertEquals("root", root.user().name());
        assertEquals(SeverityId.LOW, root.severityId(), "a root sign-in is worth a look");
        assertEquals(Instant.parse("2020-08-19T15:33:43Z").toEpochMilli(), root.time());
        assertEquals("1111111111", root.cloud().account().uid());
        assertEquals("us-east-1", root.cloud().region());
    }

    @Test
    void samlConsoleLogin() {
        Authentication a = (Authentication) map(find("sekoia-cloudtrail.ndjson", 15));
        assertEquals(AuthProtocolId.SAML, a.authProtocolId());
        assertTrue(a.unmapped().path("additionalEventData").path("SamlProviderArn").isTextual(), "the ARN stays");
        assertEquals("TLSv1.2", a.unmapped().path("tlsDetails").path("tlsVersion").asText());
    }

    @Test
    void aConsoleLoginWithoutResultButWithAnErrorIsAFailure() {
        ObjectNode event = find("panther-cloudtrail.ndjson", 37);
        event.remove("responseElements");
        event.put("errorMessage", "Failed authentication").put("errorCode", "AccessDenied");
        Authentication a = (Authentication) map(event);
        assertEquals(StatusId.FAILURE, a.statusId());
        assertEquals("Failed authentication", a.statusDetail());
        assertEquals("AccessDenied", a.statusCode());
    }

    @Test
    void aDeniedApiCallIsAFailureWithItsError() {
        ApiActivity a = (ApiActivity) map(find("panther-cloudtrail.ndjson", 13)); // LeaveOrganization, AccessDenied
        assertEquals(StatusId.FAILURE, a.statusId());
        assertEquals("AccessDenied", a.statusCode());
        assertTrue(a.statusDetail().startsWith("User: arn:aws:sts::111122223333"));
        assertEquals("AccessDenied", a.api().response().error());
        assertEquals("LeaveOrganization", a.api().operation());
        assertEquals("organizations.amazonaws.com", a.api().service().name());
        assertEquals("67dce4b9-c7d1-4c91-a686-d34bbd5365eb", a.api().request().uid());
        assertEquals(ApiActivityActivityId.UPDATE, a.activityId());
        // Zone-less Panther time is UTC.
        assertEquals(Instant.parse("2025-01-20T15:59:33Z").toEpochMilli(), a.time());
        assertEquals("SampleSession", a.actor().user().name());
        assertEquals("arn:aws:iam::111122223333:role/SampleRole", a.actor().session().issuer());
        assertEquals(Boolean.FALSE, a.actor().session().isMfa());
        assertEquals(Instant.parse("2025-01-20T15:59:30Z").toEpochMilli(), a.actor().session().createdTime());
        assertEquals("SAMPLE_ACCESS_KEY", a.actor().user().credentialUid());
    }

    @Test
    void verbPrefixes() {
        assertEquals(ApiActivityActivityId.CREATE, CloudTrailApiActivityMapper.activity("CreateUser", null));
        assertEquals(ApiActivityActivityId.CREATE, CloudTrailApiActivityMapper.activity("RunInstances", false));
        assertEquals(ApiActivityActivityId.READ, CloudTrailApiActivityMapper.activity("DescribeVpcs", true));
        assertEquals(ApiActivityActivityId.READ, CloudTrailApiActivityMapper.activity("BatchGetItem", true));
        assertEquals(ApiActivityActivityId.UPDATE, CloudTrailApiActivityMapper.activity("PutBucketLifecycle", false));
        assertEquals(ApiActivityActivityId.DELETE, CloudTrailApiActivityMapper.activity("TerminateInstances", false));
        // A verb must end at a word boundary: "Settle" is not "Set", "Getaway" not "Get".
        assertEquals(ApiActivityActivityId.OTHER, CloudTrailApiActivityMapper.activity("SettleAccount", false));
        assertEquals(ApiActivityActivityId.READ, CloudTrailApiActivityMapper.activity("GetawayPlan", true), "readOnly decides");
        assertEquals(ApiActivityActivityId.OTHER, CloudTrailApiActivityMapper.activity("NotCreateUser", null));
        assertEquals(ApiActivityActivityId.OTHER, CloudTrailApiActivityMapper.activity(null, null));
    }

    @Test
    void sourcesThatAreNotAddresses() {
        ApiActivity service = (ApiActivity) map(find("sekoia-cloudtrail.ndjson", 9)); // AWSService via lambda
        assertEquals("lambda.amazonaws.com", service.srcEndpoint().domain());
        assertEquals("lambda.amazonaws.com", service.actor().user().name());
        assertEquals("lambda.amazonaws.com", service.actor().invokedBy());
        assertEquals(UserTypeId.SERVICE, service.actor().user().typeId());
        ApiActivity internal = (ApiActivity) map(find("panther-cloudtrail.ndjson", 18));
        assertEquals("AWS Internal", internal.srcEndpoint().name());
        ApiActivity bogus = (ApiActivity) map(find("sekoia-cloudtrail.ndjson", 3)); // "00.000.000.00"
        assertNull(bogus.srcEndpoint().ip());
    }

    @Test
    void anInsightEventIsApiActivityAboutTheCallItWatches() {
        ApiActivity a = (ApiActivity) map(find("sekoia-cloudtrail.ndjson", 13));
        assertEquals("GetBucketPolicy", a.api().operation());
        assertEquals("s3.amazonaws.com", a.api().service().name());
        assertEquals(ApiActivityActivityId.OTHER, a.activityId());
        assertEquals("ApiErrorRateInsight", a.unmapped().path("insightDetails").path("insightType").asText());
        assertEquals("s3.amazonaws.com", a.actor().appName());
    }

    @Test
    void resourcesAndUnreadableTimes() {
        ObjectNode event = find("panther-cloudtrail.ndjson", 25);
        ApiActivity a = (ApiActivity) map(event);
        assertEquals("arn:aws:s3:::sample-cloudtrail-bucket-name", a.resources().get(0).uid());
        assertEquals("AWS::S3::Bucket", a.resources().get(0).type());
        assertEquals("111122223333", a.resources().get(0).data().path("accountId").asText());
        event.put("eventTime", "soon");
        ApiActivity late = (ApiActivity) map(event);
        assertEquals(SourceSamples.context().receivedAt().toEpochMilli(), late.time());
        assertEquals("soon", late.unmapped().path("eventTime").asText());
    }

    @Test
    void routing() {
        assertInstanceOf(CloudTrailConsoleLoginMapper.class, CloudTrailMappers.forEvent(Json.parse("{\"eventName\":\"ConsoleLogin\"}")));
        assertInstanceOf(CloudTrailApiActivityMapper.class, CloudTrailMappers.forEvent(Json.parse("{\"eventName\":\"CheckMfa\"}")));
        assertInstanceOf(CloudTrailApiActivityMapper.class, CloudTrailMappers.forEvent(null));
    }

    @Test
    void awsTimes() {
        assertEquals(Instant.parse("2022-03-16T19:17:41Z"), AwsParts.parseTime("2022-03-16 19:17:41").orElseThrow().instant());
        assertEquals(Instant.parse("2024-06-02T19:41:40Z"), AwsParts.parseTime("2024-06-02 19:41:40.000000000").orElseThrow().instant());
        assertEquals(Instant.parse("2019-01-01T00:00:00Z"), AwsParts.parseTime("2019-01-01T00:00:00Z").orElseThrow().instant());
        assertTrue(AwsParts.parseTime("redacted").isEmpty());
        assertTrue(AwsParts.parseTime(null).isEmpty());
    }
}
