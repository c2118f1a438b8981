package io.protect.normalize.mapping.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.EnrichmentView;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.SourceFields;
import io.protect.ocsf.model.enums.ApiActivityActivityId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.events.ApiActivity;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.Api;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.ResourceDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Maps a CloudTrail record of an API call (every record but a console sign-in) to an OCSF 1.8.0
 * API Activity event (class 6003) with the {@code cloud} profile. Shared parts are documented on
 * {@link CloudTrailParts}.
 *
 * <ul>
 *   <li>activity from the verb prefix of {@code eventName} (table {@link #VERBS}, longest prefix
 *       ending at a word boundary): Create, Run, Add, Allocate, Import, Register, Copy, Issue,
 *       Generate, Request, Upload, Publish, Send, Invoke, Assume, Authorize → Create; Get, List,
 *       Describe, Lookup, Head, Search, Check, Scan, Query, Select, BatchGet, Decrypt, Download →
 *       Read; Update, Modify, Put, Set, Change, Enable, Disable, Attach, Detach, Associate,
 *       Disassociate, Start, Stop, Reboot, Replace, Reset, Tag, Untag, Restore, Failover,
 *       Schedule, Leave → Update; Delete, Remove, Terminate, Revoke, Deregister, Release, Purge →
 *       Delete. No known verb: Read when {@code readOnly} is true, else Other. {@code readOnly}
 *       itself stays in unmapped.</li>
 *   <li>status: Failure with {@code errorCode} as status_code and {@code errorMessage} as
 *       status_detail when the record has an errorCode, else Success.</li>
 *   <li>{@code resources[]} → {@code resources} (ARN, or arn, → uid, type; any other key such as accountId
 *       → data).</li>
 * </ul>
 */
public final class CloudTrailApiActivityMapper implements AlertMapper {

    /** Verb prefix of eventName → activity; the longest matching prefix wins. */
    static final Map<String, ApiActivityActivityId> VERBS = Map.ofEntries(
            Map.entry("Create", ApiActivityActivityId.CREATE), Map.entry("Run", ApiActivityActivityId.CREATE),
            Map.entry("Add", ApiActivityActivityId.CREATE), Map.entry("Allocate", ApiActivityActivityId.CREATE),
            Map.entry("Import", ApiActivityActivityId.CREATE), Map.entry("Register", ApiActivityActivityId.CREATE),
            Map.entry("Copy", ApiActivityActivityId.CREATE), Map.entry("Issue", ApiActivityActivityId.CREATE),
            Map.entry("Generate", ApiActivityActivityId.CREATE), Map.entry("Request", ApiActivityActivityId.CREATE),
            Map.entry("Upload", ApiActivityActivityId.CREATE), Map.entry("Publish", ApiActivityActivityId.CREATE),
            Map.entry("Send", ApiActivityActivityId.CREATE), Map.entry("Invoke", ApiActivityActivityId.CREATE),
            Map.entry("Assume", ApiActivityActivityId.CREATE), Map.entry("Authorize", ApiActivityActivityId.CREATE),
            Map.entry("Get", ApiActivityActivityId.READ), Map.entry("List", ApiActivityActivityId.READ),
            Map.entry("Describe", ApiActivityActivityId.READ), Map.entry("Lookup", ApiActivityActivityId.READ),
            Map.entry("Head", ApiActivityActivityId.READ), Map.entry("Search", ApiActivityActivityId.READ),
            Map.entry("Check", ApiActivityActivityId.READ), Map.entry("Scan", ApiActivityActivityId.READ),
            Map.entry("Query", ApiActivityActivityId.READ), Map.entry("Select", ApiActivityActivityId.READ),
            Map.entry("BatchGet", ApiActivityActivityId.READ), Map.entry("Decrypt", ApiActivityActivityId.READ),
            Map.entry("Download", ApiActivityActivityId.READ),
            Map.entry("Update", ApiActivityActivityId.UPDATE), Map.entry("Modify", ApiActivityActivityId.UPDATE),
            Map.entry("Put", ApiActivityActivityId.UPDATE), Map.entry("Set", ApiActivityActivityId.UPDATE),
            Map.entry("Change", ApiActivityActivityId.UPDATE), Map.entry("Enable", ApiActivityActivityId.UPDATE),
            Map.entry("Disable", ApiActivityActivityId.UPDATE), Map.entry("Attach", ApiActivityActivityId.UPDATE),
            Map.entry("Detach", ApiActivityActivityId.UPDATE), Map.entry("Associate", ApiActivityActivityId.UPDATE),
            Map.entry("Disassociate", ApiActivityActivityId.UPDATE), Map.entry("Start", ApiActivityActivityId.UPDATE),
            Map.entry("Stop", ApiActivityActivityId.UPDATE), Map.entry("Reboot", ApiActivityActivityId.UPDATE),
            Map.entry("Replace", ApiActivityActivityId.UPDATE), Map.entry("Reset", ApiActivityActivityId.UPDATE),
            Map.entry("Tag", ApiActivityActivityId.UPDATE), Map.entry("Untag", ApiActivityActivityId.UPDATE),
            Map.entry("Restore", ApiActivityActivityId.UPDATE), Map.entry("Failover", ApiActivityActivityId.UPDATE),
            Map.entry("Schedule", ApiActivityActivityId.UPDATE), Map.entry("Leave", ApiActivityActivityId.UPDATE),
            Map.entry("Delete", ApiActivityActivityId.DELETE), Map.entry("Remove", ApiActivityActivityId.DELETE),
            Map.entry("Terminate", ApiActivityActivityId.DELETE), Map.entry("Revoke", ApiActivityActivityId.DELETE),
            Map.entry("Deregister", ApiActivityActivityId.DELETE), Map.entry("Release", ApiActivityActivityId.DELETE),
            Map.entry("Purge", ApiActivityActivityId.DELETE));

    @Override
    public ApiActivity map(AlertEnriched input, MappingContext context) {
        SourceFields f = new SourceFields(input.alert().object());
        EnrichmentView enrichment = new EnrichmentView(input.enrichment());
        String eventName = f.peek("eventName").filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
        Boolean readOnly = f.peek("readOnly").map(n -> n.isBoolean() ? n.booleanValue() : Boolean.parseBoolean(n.asText())).orElse(null);
        ApiActivityActivityId activity = activity(eventName, readOnly);

        CloudTrailParts.Time time = CloudTrailParts.time(f, context);
        Actor actor = CloudTrailParts.actor(f, time);
        NetworkEndpoint src = CloudTrailParts.srcEndpoint(f, enrichment);
        CloudTrailParts.Error error = CloudTrailParts.error(f);
        StatusId status = error.code() != null ? StatusId.FAILURE : StatusId.SUCCESS;
        Api api = CloudTrailParts.api(f, error);
        String eventSource = api.service() == null ? null : api.service().name();
        var cloud = AwsParts.cloud(f.takeText("recipientAccountId").orElse(null), f.takeText("awsRegion").orElse(null), null);
        List<ResourceDetails> resources = resources(f);
        var metadata = CloudTrailParts.metadata(f, time, context, api.operation());
        List<Observable> observables = CloudTrailParts.observables(src, actor, enrichment);
        SeverityId severity = SeverityId.INFORMATIONAL;

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
                .statusId(status)
                .status(status.caption())
                .statusCode(error.code())
                .statusDetail(error.message())
                .message(api.operation() + (eventSource != null ? " on " + eventSource : ""))
                .actor(actor != null ? actor : Actor.builder().appName(eventSource != null ? eventSource : "AWS").build())
                .api(api)
                .srcEndpoint(src != null ? src : NetworkEndpoint.builder().name(eventSource != null ? eventSource : "unknown").build())
                .httpRequest(CloudTrailParts.httpRequest(f))
                .cloud(cloud)
                .resources(resources.isEmpty() ? null : resources)
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

    /** The activity of an eventName by its verb prefix (documented on the class). */
    static ApiActivityActivityId activity(String eventName, Boolean readOnly) {
        String best = null;
        if (eventName != null) {
            for (String verb : VERBS.keySet()) {
                if (eventName.startsWith(verb) && (eventName.length() == verb.length()
                        || !Character.isLowerCase(eventName.charAt(verb.length())))
                        && (best == null || verb.length() > best.length())) {
                    best = verb;
                }
            }
        }
        if (best != null) {
            return VERBS.get(best);
        }
        return Boolean.TRUE.equals(readOnly) ? ApiActivityActivityId.READ : ApiActivityActivityId.OTHER;
    }

    /** CloudTrail's resources[] (ARN, type, accountId) as OCSF resources, consumed. */
    static List<ResourceDetails> resources(SourceFields f) {
        JsonNode list = f.peek("resources").filter(JsonNode::isArray).orElse(null);
        List<ResourceDetails> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (JsonNode r : list) {
            if (!r.isObject()) {
                return List.of();
            }
            ObjectNode rest = ((ObjectNode) r).deepCopy();
            // CloudTrail writes ARN; some collectors lower-case it.
            String arnKey = rest.has("ARN") ? "ARN" : "arn";
            String arn = rest.has(arnKey) && rest.get(arnKey).isTextual() ? rest.remove(arnKey).asText() : null;
            if (arn == null) {
                return List.of(); // OCSF needs a uid or name: keep them in unmapped
            }
            String type = rest.has("type") && rest.get("type").isTextual() ? rest.remove("type").asText() : null;
            out.add(ResourceDetails.builder().uid(arn).type(type).data(rest.isEmpty() ? null : rest).build());
        }
        f.consume("resources");
        return out;
    }
}
