package io.protect.normalize.mapping.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.EnrichmentView;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.SourceFields;
import io.protect.ocsf.model.enums.AuthProtocolId;
import io.protect.ocsf.model.enums.AuthenticationActivityId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.events.Authentication;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.Api;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Service;
import io.protect.ocsf.model.objects.User;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Maps a CloudTrail {@code ConsoleLogin} record (a sign-in to the AWS console) to an OCSF 1.8.0
 * Authentication event (class 3002, activity Logon) with the {@code cloud} profile. Shared parts are
 * documented on {@link CloudTrailParts}.
 *
 * <ul>
 *   <li>{@code responseElements.ConsoleLogin} Success/Failure → {@code status_id} (its word is
 *       {@code status_code}); without it, an {@code errorCode} means Failure. {@code errorMessage}
 *       (e.g. "Failed authentication") → {@code status_detail}.</li>
 *   <li>{@code additionalEventData.MFAUsed} Yes/No → {@code is_mfa} true/false.</li>
 *   <li>{@code additionalEventData.SamlProviderArn} → auth_protocol SAML (the ARN stays in
 *       unmapped); otherwise no protocol is claimed.</li>
 *   <li>{@code userIdentity} → {@code user} (the one signing in) and {@code actor}; {@code eventSource}
 *       ({@code signin.amazonaws.com}) → {@code service.name}; the call is also in {@code api}.</li>
 *   <li>Severity: 1 Informational for a success; 2 Low for a failure, and for a root sign-in.</li>
 * </ul>
 */
public final class CloudTrailConsoleLoginMapper implements AlertMapper {

    @Override
    public Authentication map(AlertEnriched input, MappingContext context) {
        SourceFields f = new SourceFields(input.alert().object());
        EnrichmentView enrichment = new EnrichmentView(input.enrichment());
        boolean root = "Root".equals(f.peek("userIdentity.type").map(JsonNode::asText).orElse(null));

        CloudTrailParts.Time time = CloudTrailParts.time(f, context);
        Actor actor = CloudTrailParts.actor(f, time);
        User user = actor != null && actor.user() != null ? actor.user() : User.builder().name("unknown").build();
        NetworkEndpoint src = CloudTrailParts.srcEndpoint(f, enrichment);
        CloudTrailParts.Error error = CloudTrailParts.error(f);

        String result = f.takeText("responseElements.ConsoleLogin").orElse(null);
        StatusId status = result == null ? (error.code() != null ? StatusId.FAILURE : StatusId.UNKNOWN)
                : switch (result.toLowerCase(Locale.ROOT)) {
                    case "success" -> StatusId.SUCCESS;
                    case "failure" -> StatusId.FAILURE;
                    default -> StatusId.OTHER;
                };
        String mfaText = f.peek("additionalEventData.MFAUsed").filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
        Boolean mfa = mfaText == null ? null : mfaText.equalsIgnoreCase("yes") ? Boolean.TRUE
                : mfaText.equalsIgnoreCase("no") ? Boolean.FALSE : null;
        if (mfa != null) {
            f.consume("additionalEventData.MFAUsed");
        }
        boolean saml = f.peek("additionalEventData.SamlProviderArn").filter(JsonNode::isTextual).isPresent();
        String eventSource = f.peek("eventSource").map(JsonNode::asText).orElse("signin.amazonaws.com");
        Api api = CloudTrailParts.api(f, error);
        var cloud = AwsParts.cloud(f.takeText("recipientAccountId").orElse(null), f.takeText("awsRegion").orElse(null), null);
        var metadata = CloudTrailParts.metadata(f, time, context, api.operation());
        List<Observable> observables = CloudTrailParts.observables(src, actor, enrichment);
        SeverityId severity = status == StatusId.FAILURE || root ? SeverityId.LOW : SeverityId.INFORMATIONAL;
        AuthenticationActivityId activity = AuthenticationActivityId.LOGON;

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
                .statusId(status)
                .status(status.caption())
                .statusCode(result != null ? result : error.code())
                .statusDetail(error.message())
                .message("AWS console sign-in" + (result != null ? ": " + result : ""))
                .user(user)
                .actor(actor)
                .isMfa(mfa)
                .authProtocolId(saml ? AuthProtocolId.SAML : null)
                .authProtocol(saml ? AuthProtocolId.SAML.caption() : null)
                .service(Service.builder().name(eventSource).build())
                .api(api)
                .srcEndpoint(src)
                .httpRequest(CloudTrailParts.httpRequest(f))
                .cloud(cloud)
                .observables(observables.isEmpty() ? null : observables)
                .metadata(metadata)
                .rawData(OcsfParts.rawData(input.alert().object()));
        OptionalInt risk = enrichment.riskScore();
        if (risk.isPresent()) {
            var level = OcsfParts.riskLevel(risk.getAsInt());
            b.riskScore(risk.getAsInt()).riskLevelId(level).riskLevel(level.caption()).riskDetails(OcsfParts.riskDetails(enrichment));
        }
        var enrichments = OcsfParts.enrichments(enrichment, src == null ? null : src.ip(), null, input.assetId());
        b.enrichments(enrichments.isEmpty() ? null : enrichments);
        b.unmapped(f.unmapped());
        return b.build();
    }
}
