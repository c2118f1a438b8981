package io.protect.normalize.mapping.okta;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.EnrichmentView;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.SourceFields;
import io.protect.ocsf.model.enums.ApiActivityActivityId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.events.ApiActivity;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.Api;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Request;
import io.protect.ocsf.model.objects.ResourceDetails;
import io.protect.ocsf.model.objects.Service;
import io.protect.ocsf.model.objects.Session;
import io.protect.ocsf.model.objects.User;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Maps every other Okta System Log event (API tokens, group membership, policies, rate limits,
 * app password views, threat detections, ...) to an OCSF 1.8.0 API Activity event (class 6003):
 * each System Log entry records a call on Okta's management plane.
 *
 * <p>Mapping, besides the shared parts documented on {@link OktaParts}:
 * <ul>
 *   <li>{@code eventType} → {@code api.operation}; {@code api.service.name} = "Okta";
 *       {@code debugContext.debugData.requestId} → {@code api.request.uid}.</li>
 *   <li>activity from the last verb of the eventType that names one ({@link #activity(String)}):
 *       create, add, grant → Create; show, read, view, list, get, access → Read; update, change,
 *       modify, reset, activate, deactivate, suspend, unsuspend → Update; delete, remove, revoke →
 *       Delete; none → Other.</li>
 *   <li>{@code target[]} → {@code resources[]} (uid = id, name = displayName, uid_alt =
 *       alternateId, type, data = detailEntry when it is an object); targets are then consumed.</li>
 *   <li>{@code actor} → {@code actor.user}; {@code src_endpoint} from the client (an event without a
 *       client address gets an endpoint named "unknown": OCSF requires one).</li>
 * </ul>
 */
public final class OktaApiActivityMapper implements AlertMapper {

    static final String SERVICE = "Okta";

    @Override
    public ApiActivity map(AlertEnriched input, MappingContext context) {
        SourceFields f = new SourceFields(input.alert().object());
        EnrichmentView enrichment = new EnrichmentView(input.enrichment());
        String eventType = f.peek("eventType").map(JsonNode::asText).orElse("unknown");
        ApiActivityActivityId activity = activity(eventType);

        OktaParts.Time time = OktaParts.time(f, context);
        String severityWord = f.takeText("severity").orElse(null);
        SeverityId severity = OktaParts.severity(severityWord);
        OktaParts.Outcome outcome = OktaParts.outcome(f);
        User actorUser = OktaParts.user(f, "actor");
        NetworkEndpoint src = OktaParts.srcEndpoint(f, enrichment);
        Session session = OktaParts.session(f, null);
        String requestId = f.takeText("debugContext.debugData.requestId").orElse(null);
        List<ResourceDetails> resources = resources(f);
        String message = f.takeText("displayMessage").orElse(null);
        var metadata = OktaParts.metadata(f, time, context, severityWord, null);
        List<Observable> observables = OktaParts.observables(src, actorUser, null, enrichment);

        Api api = Api.builder()
                .operation(eventType)
                .service(Service.builder().name(SERVICE).build())
                .request(requestId == null ? null : Request.builder().uid(requestId).build())
                .build();
        ApiActivity.Builder b = ApiActivity.builder()
                .activityId(activity)
                .activityName(activity.caption())
                .className("API Activity")
                .categoryName("Application Activity")
                .typeName("API Activity: " + activity.caption())
                .time(time.epochMillis())
                .timezoneOffset(time.offsetMinutes())
                .severityId(severity)
                .severity(severity.caption())
                .statusId(outcome.statusId())
                .status(outcome.statusId().caption())
                .statusCode(outcome.code())
                .statusDetail(outcome.detail())
                .message(message)
                .actor(Actor.builder().user(actorUser).session(session).appName(actorUser == null ? SERVICE : null).build())
                .api(api)
                .srcEndpoint(src != null ? src : NetworkEndpoint.builder().name("unknown").build())
                .httpRequest(OktaParts.httpRequest(f))
                .resources(resources.isEmpty() ? null : resources)
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

    /** The activity of an eventType from its verbs (documented on the class). */
    static ApiActivityActivityId activity(String eventType) {
        String[] parts = eventType.split("[._]");
        for (int i = parts.length - 1; i >= 0; i--) {
            switch (parts[i]) {
                case "create", "add", "grant" -> {
                    return ApiActivityActivityId.CREATE;
                }
                case "show", "read", "view", "list", "get", "access" -> {
                    return ApiActivityActivityId.READ;
                }
                case "update", "change", "modify", "reset", "activate", "deactivate", "suspend", "unsuspend" -> {
                    return ApiActivityActivityId.UPDATE;
                }
                case "delete", "remove", "revoke" -> {
                    return ApiActivityActivityId.DELETE;
                }
                default -> {
                    // keep looking at earlier words
                }
            }
        }
        return ApiActivityActivityId.OTHER;
    }

    /** target[] as resources; consumed only when every target had at least an id or a name. */
    static List<ResourceDetails> resources(SourceFields f) {
        JsonNode targets = f.peek("target").orElse(null);
        List<ResourceDetails> out = new ArrayList<>();
        if (targets == null || !targets.isArray()) {
            return out;
        }
        for (JsonNode t : targets) {
            String uid = OktaParts.text(t, "id");
            String name = OktaParts.text(t, "displayName");
            if (uid == null && name == null) {
                return List.of(); // a target without identity: keep them all in unmapped
            }
            JsonNode detail = t.get("detailEntry");
            out.add(ResourceDetails.builder()
                    .uid(uid)
                    .name(name)
                    .uidAlt(OktaParts.text(t, "alternateId"))
                    .type(OktaParts.text(t, "type"))
                    .data(detail != null && detail.isObject() && !detail.isEmpty() ? detail : null)
                    .build());
        }
        // Only consumed when nothing inside a target would be lost (no field beyond the mapped ones).
        for (JsonNode t : targets) {
            var names = new ArrayList<String>();
            t.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                boolean mapped = List.of("id", "displayName", "alternateId", "type").contains(n)
                        || n.equals("detailEntry") && (t.get(n).isNull() || t.get(n).isObject());
                if (!mapped) {
                    return out;
                }
            }
        }
        f.consume("target");
        return out;
    }
}
