package io.protect.normalize.mapping.okta;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.EnrichmentView;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.SourceFields;
import io.protect.ocsf.model.enums.AccountChangeActivityId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.events.AccountChange;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Session;
import io.protect.ocsf.model.objects.User;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Maps Okta user lifecycle, lock, password and privilege events to an OCSF 1.8.0 Account Change
 * event (class 3001).
 *
 * <p>Activity by {@code eventType} (table {@link #ACTIVITIES}): user.lifecycle.create → Create;
 * activate/reactivate/unsuspend → Enable; deactivate/suspend → Disable; delete → Delete;
 * user.account.lock → Lock; unlock/unlock_by_admin → Unlock; reset_password → Password Reset;
 * update_password → Password Change; privilege.grant → Attach Policy; privilege.revoke → Detach
 * Policy; user.mfa.factor.activate → MFA Factor Enable; user.mfa.factor.deactivate/reset_all →
 * MFA Factor Disable.
 *
 * <p>{@code user} is the account changed: the first {@code User} target, else the actor (a lock
 * after failed sign-ins names the actor only). {@code actor.user} is who acted. Targets stay whole
 * in {@code unmapped}. Shared parts (time, severity, outcome, endpoint, metadata) are documented on
 * {@link OktaParts}.
 */
public final class OktaAccountChangeMapper implements AlertMapper {

    /** Okta eventType → Account Change activity. */
    static final Map<String, AccountChangeActivityId> ACTIVITIES = Map.ofEntries(
            Map.entry("user.lifecycle.create", AccountChangeActivityId.CREATE),
            Map.entry("user.lifecycle.activate", AccountChangeActivityId.ENABLE),
            Map.entry("user.lifecycle.reactivate", AccountChangeActivityId.ENABLE),
            Map.entry("user.lifecycle.unsuspend", AccountChangeActivityId.ENABLE),
            Map.entry("user.lifecycle.deactivate", AccountChangeActivityId.DISABLE),
            Map.entry("user.lifecycle.suspend", AccountChangeActivityId.DISABLE),
            Map.entry("user.lifecycle.delete.initiated", AccountChangeActivityId.DELETE),
            Map.entry("user.lifecycle.delete.completed", AccountChangeActivityId.DELETE),
            Map.entry("user.lifecycle.delete", AccountChangeActivityId.DELETE),
            Map.entry("user.account.lock", AccountChangeActivityId.LOCK),
            Map.entry("user.account.lock.limit", AccountChangeActivityId.LOCK),
            Map.entry("user.account.unlock", AccountChangeActivityId.UNLOCK),
            Map.entry("user.account.unlock_by_admin", AccountChangeActivityId.UNLOCK),
            Map.entry("user.account.reset_password", AccountChangeActivityId.PASSWORD_RESET),
            Map.entry("user.account.update_password", AccountChangeActivityId.PASSWORD_CHANGE),
            Map.entry("user.account.privilege.grant", AccountChangeActivityId.ATTACH_POLICY),
            Map.entry("user.account.privilege.revoke", AccountChangeActivityId.DETACH_POLICY),
            Map.entry("user.mfa.factor.activate", AccountChangeActivityId.MFA_FACTOR_ENABLE),
            Map.entry("user.mfa.factor.deactivate", AccountChangeActivityId.MFA_FACTOR_DISABLE),
            Map.entry("user.mfa.factor.reset_all", AccountChangeActivityId.MFA_FACTOR_DISABLE));

    /** Whether an event type is an account change this mapper handles. */
    static boolean handles(String eventType) {
        return ACTIVITIES.containsKey(eventType);
    }

    @Override
    public AccountChange map(AlertEnriched input, MappingContext context) {
        SourceFields f = new SourceFields(input.alert().object());
        EnrichmentView enrichment = new EnrichmentView(input.enrichment());
        String eventType = f.peek("eventType").map(JsonNode::asText).orElse("");
        AccountChangeActivityId activity = ACTIVITIES.getOrDefault(eventType, AccountChangeActivityId.OTHER);

        OktaParts.Time time = OktaParts.time(f, context);
        String severityWord = f.takeText("severity").orElse(null);
        SeverityId severity = OktaParts.severity(severityWord);
        OktaParts.Outcome outcome = OktaParts.outcome(f);
        User actorUser = OktaParts.user(f, "actor");
        JsonNode target = OktaParts.target(f, "User");
        User user = target != null ? OktaParts.targetUser(target) : actorUser;
        NetworkEndpoint src = OktaParts.srcEndpoint(f, enrichment);
        Session session = OktaParts.session(f, null);
        String message = f.takeText("displayMessage").orElse(null);
        var metadata = OktaParts.metadata(f, time, context, severityWord, null);
        List<Observable> observables = OktaParts.observables(src, actorUser, user, enrichment);

        AccountChange.Builder b = AccountChange.builder()
                .activityId(activity)
                .activityName(activity.caption())
                .className("Account Change")
                .categoryName("Identity & Access Management")
                .typeName("Account Change: " + activity.caption())
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
                .actor(actorUser == null && session == null ? null : Actor.builder().user(actorUser).session(session).build())
                .srcEndpoint(src)
                .httpRequest(OktaParts.httpRequest(f))
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
}
