package io.protect.normalize.mapping.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.ocsf.IpAddresses;
import io.protect.normalize.mapping.EnrichmentView;
import io.protect.normalize.mapping.EventTimes;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.SourceFields;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.UserTypeId;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.Api;
import io.protect.ocsf.model.objects.HttpRequest;
import io.protect.ocsf.model.objects.Metadata;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Product;
import io.protect.ocsf.model.objects.Request;
import io.protect.ocsf.model.objects.Response;
import io.protect.ocsf.model.objects.Service;
import io.protect.ocsf.model.objects.Session;
import io.protect.ocsf.model.objects.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts both CloudTrail mappers share. Mapping (CloudTrail record → OCSF):
 * <ul>
 *   <li>{@code eventTime} → {@code time} (UTC, see {@link AwsParts}) and
 *       {@code metadata.original_time}.</li>
 *   <li>{@code userIdentity} → {@code actor.user}: arn → uid, principalId → uid_alt, userName (else
 *       the arn's last segment, i.e. an assumed role's session name, else the session issuer's
 *       userName) → name, accessKeyId →
 *       credential_uid, accountId → account (AWS Account), type → type with type_id Root → Admin,
 *       IAMUser/AssumedRole/FederatedUser/IdentityCenterUser → User, AWSService → Service, other →
 *       Other. invokedBy → {@code actor.invoked_by}. {@code sessionContext} → {@code actor.session}:
 *       attributes.creationDate → created_time, attributes.mfaAuthenticated → is_mfa,
 *       sessionIssuer.arn → issuer; the rest of the session context stays in unmapped.</li>
 *   <li>{@code sourceIPAddress} → {@code src_endpoint.ip} when it is an address, else
 *       {@code src_endpoint.domain} for a service host ({@code lambda.amazonaws.com}) or
 *       {@code src_endpoint.name} ({@code AWS Internal}); enrich's geo becomes its location.
 *       {@code userAgent} → {@code http_request.user_agent}.</li>
 *   <li>{@code eventName} → {@code api.operation}, {@code eventSource} → {@code api.service.name},
 *       {@code apiVersion} → {@code api.version}, {@code requestID} (else eventID) and {@code requestParameters}
 *       → {@code api.request} uid and data, {@code responseElements} → {@code api.response.data},
 *       {@code errorCode}/{@code errorMessage} → {@code api.response} error/error_message and
 *       {@code status_code}/{@code status_detail}.</li>
 *   <li>{@code recipientAccountId} and {@code awsRegion} → {@code cloud} (provider AWS) and the
 *       {@code cloud} profile.</li>
 *   <li>{@code metadata}: product CloudTrail by AWS, log_name CloudTrail, event_code = eventName,
 *       original_event_uid = eventID, log_version = eventVersion.</li>
 *   <li>Severity: CloudTrail records carry none; every record is 1 Informational (risk comes from
 *       enrichment and detections downstream).</li>
 * </ul>
 */
final class CloudTrailParts {

    static final String PRODUCT = "CloudTrail";
    static final String VENDOR = "AWS";
    static final String CLOUD_PROFILE = "cloud";

    private CloudTrailParts() {
    }

    record Time(long epochMillis, Integer offsetMinutes, String original) {
    }

    static Time time(SourceFields f, MappingContext context) {
        Optional<String> text = f.peek("eventTime").filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<EventTimes.Parsed> parsed = text.flatMap(AwsParts::parseTime);
        parsed.ifPresent(p -> f.consume("eventTime"));
        return new Time(parsed.map(EventTimes.Parsed::epochMillis).orElse(context.receivedAt().toEpochMilli()),
                parsed.map(EventTimes.Parsed::offsetMinutes).orElse(null), text.orElse(null));
    }

    /** The CloudTrail userIdentity as the OCSF actor (documented on the class); null when absent. */
    static Actor actor(SourceFields f, Time time) {
        String invokedBy = f.takeText("userIdentity.invokedBy").orElse(null);
        User user = user(f, invokedBy);
        Session session = session(f);
        if (user == null && session == null && invokedBy == null) {
            return null;
        }
        return Actor.builder().user(user).session(session).invokedBy(invokedBy).build();
    }

    static User user(SourceFields f, String invokedBy) {
        String arn = f.takeText("userIdentity.arn").orElse(null);
        String principalId = f.takeText("userIdentity.principalId").orElse(null);
        String type = f.takeText("userIdentity.type").orElse(null);
        String accountId = f.takeText("userIdentity.accountId").orElse(null);
        String accessKeyId = f.takeText("userIdentity.accessKeyId").orElse(null);
        String name = f.takeText("userIdentity.userName").orElse(null);
        // An assumed role's ARN ends with the session name (often the person, e.g. an SSO e-mail);
        // the role itself is the session issuer.
        if (name == null && arn != null && arn.contains("/")) {
            name = arn.substring(arn.lastIndexOf('/') + 1);
        }
        if (name == null) {
            name = f.peek("userIdentity.sessionContext.sessionIssuer.userName").filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
        }
        if (name == null && "Root".equals(type)) {
            name = "root";
        } else if (name == null && arn == null && principalId == null && accountId == null) {
            name = invokedBy; // an AWS service acting on its own names only itself
        }
        if (arn == null && principalId == null && type == null && accountId == null && name == null) {
            return null;
        }
        UserTypeId typeId = userType(type);
        return User.builder()
                .uid(arn != null ? arn : principalId)
                .uidAlt(arn != null ? principalId : null)
                .name(name)
                .credentialUid(accessKeyId)
                .account(AwsParts.account(accountId))
                .typeId(type == null ? null : typeId)
                .type(type)
                .build();
    }

    static UserTypeId userType(String type) {
        if (type == null) {
            return UserTypeId.UNKNOWN;
        }
        return switch (type) {
            case "Root" -> UserTypeId.ADMIN;
            case "IAMUser", "AssumedRole", "FederatedUser", "IdentityCenterUser", "SAMLUser", "WebIdentityUser" -> UserTypeId.USER;
            case "AWSService" -> UserTypeId.SERVICE;
            default -> UserTypeId.OTHER;
        };
    }

    static Session session(SourceFields f) {
        Optional<EventTimes.Parsed> created = f.peek("userIdentity.sessionContext.attributes.creationDate")
                .filter(JsonNode::isTextual).flatMap(n -> AwsParts.parseTime(n.asText()));
        created.ifPresent(c -> f.consume("userIdentity.sessionContext.attributes.creationDate"));
        Boolean mfa = f.peek("userIdentity.sessionContext.attributes.mfaAuthenticated")
                .filter(n -> n.isBoolean() || n.asText().equalsIgnoreCase("true") || n.asText().equalsIgnoreCase("false"))
                .map(n -> n.isBoolean() ? n.booleanValue() : Boolean.parseBoolean(n.asText())).orElse(null);
        if (mfa != null) {
            f.consume("userIdentity.sessionContext.attributes.mfaAuthenticated");
        }
        String issuer = f.takeText("userIdentity.sessionContext.sessionIssuer.arn").orElse(null);
        if (created.isEmpty() && mfa == null && issuer == null) {
            return null;
        }
        return Session.builder()
                .createdTime(created.map(EventTimes.Parsed::epochMillis).orElse(null))
                .isMfa(mfa)
                .issuer(issuer)
                .build();
    }

    /** The caller's address, service host or name as the source endpoint; null when absent. */
    static NetworkEndpoint srcEndpoint(SourceFields f, EnrichmentView enrichment) {
        String source = f.takeText("sourceIPAddress").orElse(null);
        if (source == null) {
            return null;
        }
        if (IpAddresses.isIpAddress(source)) {
            return OcsfParts.endpoint(source, null, enrichment.geoFor(source, true));
        }
        if (source.matches("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            return NetworkEndpoint.builder().domain(source).build();
        }
        return NetworkEndpoint.builder().name(source).build();
    }

    static HttpRequest httpRequest(SourceFields f) {
        return f.takeText("userAgent").map(ua -> HttpRequest.builder().userAgent(ua).build()).orElse(null);
    }

    /** The error of a failed call: code and message; null code when the call succeeded. */
    record Error(String code, String message) {
    }

    static Error error(SourceFields f) {
        return new Error(f.takeText("errorCode").orElse(null), f.takeText("errorMessage").orElse(null));
    }

    /** The API call: operation, service, version, request and response. */
    static Api api(SourceFields f, Error error) {
        String operation = f.takeText("eventName").orElse(null);
        String service = f.takeText("eventSource").orElse(null);
        if (operation == null) {
            // Insight events name the call they are about inside insightDetails.
            operation = f.takeText("insightDetails.eventName").orElse("unknown");
            service = service != null ? service : f.takeText("insightDetails.eventSource").orElse(null);
        }
        // Records without a requestID (some service events) are identified by their eventID.
        String requestId = f.takeText("requestID").orElse(f.peek("eventID").map(JsonNode::asText).orElse(null));
        // OCSF's request needs a uid: without one, the parameters stay in unmapped.
        JsonNode parameters = requestId == null ? null : f.peek("requestParameters").filter(JsonNode::isObject).orElse(null);
        if (parameters != null) {
            f.consume("requestParameters");
        }
        JsonNode responseElements = f.peek("responseElements").filter(JsonNode::isObject).orElse(null);
        if (responseElements != null) {
            f.consume("responseElements");
        }
        Request request = requestId == null ? null
                : Request.builder().uid(requestId).data(parameters).build();
        Response response = responseElements == null && error.code() == null && error.message() == null ? null
                : Response.builder().data(responseElements).error(error.code()).errorMessage(error.message()).build();
        return Api.builder()
                .operation(operation)
                .service(service == null ? null : Service.builder().name(service).build())
                .version(f.takeText("apiVersion").orElse(null))
                .request(request)
                .response(response)
                .build();
    }

    static Metadata metadata(SourceFields f, Time time, MappingContext context, String eventName) {
        return Metadata.builder()
                .product(Product.builder().name(PRODUCT).vendorName(VENDOR).build())
                .version(OcsfParts.OCSF_VERSION)
                .logName(PRODUCT)
                .logFormat("JSON")
                .logVersion(f.takeText("eventVersion").orElse(null))
                .eventCode(eventName)
                .originalEventUid(f.takeText("eventID").orElse(null))
                .originalTime(time.original())
                .uid(context.eventId().toString())
                .correlationUid(context.correlationId())
                .tenantUid(context.tenantId())
                .profiles(List.of(CLOUD_PROFILE))
                .build();
    }

    static List<Observable> observables(NetworkEndpoint src, Actor actor, EnrichmentView enrichment) {
        List<Observable> out = new ArrayList<>();
        if (src != null && src.ip() != null) {
            out.add(OcsfParts.observable("src_endpoint.ip", ObservableTypeId.IP_ADDRESS, src.ip(), enrichment));
        }
        if (actor != null && actor.user() != null && actor.user().name() != null) {
            out.add(OcsfParts.observable("actor.user.name", ObservableTypeId.USER_NAME, actor.user().name(), enrichment));
        }
        if (actor != null && actor.user() != null && actor.user().credentialUid() != null) {
            out.add(OcsfParts.observable("actor.user.credential_uid", ObservableTypeId.USER_CREDENTIAL_ID,
                    actor.user().credentialUid(), enrichment));
        }
        out.addAll(OcsfParts.intelObservables(enrichment, out));
        return out;
    }
}
