package io.protect.normalize.mapping.windows;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.ocsf.model.enums.AccountChangeActivityId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.events.AccountChange;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.User;
import java.util.ArrayList;
import java.util.List;

/**
 * Windows Security user account management → OCSF Account Change (3001).
 *
 * <p>Event id → activity: 4720 Create, 4722 Enable, 4723 Password Change, 4724 Password Reset,
 * 4725 Disable, 4726 Delete, 4740 Lock, 4767 Unlock, 4738/4781 (changed, renamed) Other.
 * {@code TargetUserName}/{@code TargetDomainName}/{@code TargetSid} → {@code user} (for 4740
 * {@code TargetDomainName} is the caller computer: it becomes {@code src_endpoint.hostname});
 * {@code SamAccountName}, {@code DisplayName}, {@code UserPrincipalName} (4720) →
 * {@code user_result} (name, full name, uid_alt); {@code Subject*} → {@code actor.user} and
 * {@code actor.session}. Status from the audit keyword; the other attributes (UAC values, home
 * directory, ...) stay unmapped.
 */
public final class WindowsAccountChangeMapper implements AlertMapper {

    static AccountChangeActivityId activity(int eventId) {
        return switch (eventId) {
            case 4720 -> AccountChangeActivityId.CREATE;
            case 4722 -> AccountChangeActivityId.ENABLE;
            case 4723 -> AccountChangeActivityId.PASSWORD_CHANGE;
            case 4724 -> AccountChangeActivityId.PASSWORD_RESET;
            case 4725 -> AccountChangeActivityId.DISABLE;
            case 4726 -> AccountChangeActivityId.DELETE;
            case 4740 -> AccountChangeActivityId.LOCK;
            case 4767 -> AccountChangeActivityId.UNLOCK;
            default -> AccountChangeActivityId.OTHER;
        };
    }

    @Override
    public AccountChange map(AlertEnriched input, MappingContext context) {
        WinCommon c = WinCommon.read(input, context);
        WinEvent e = c.event();
        AccountChangeActivityId activity = activity(c.eventId());

        NetworkEndpoint src = null;
        User user;
        if (c.eventId() == 4740) {
            src = e.data("TargetDomainName").map(h -> NetworkEndpoint.builder().hostname(h).build()).orElse(null);
            user = User.builder().name(e.data("TargetUserName").orElse(null)).uid(e.data("TargetSid").orElse(null)).build();
        } else {
            user = WindowsParts.user(e, "Target");
        }
        if (user == null) {
            user = User.builder().name("unknown").build();
        }
        User result = null;
        if (c.eventId() == 4720 || c.eventId() == 4781) {
            String sam = e.data("SamAccountName").or(() -> e.data("NewTargetUserName")).orElse(null);
            String display = e.data("DisplayName").orElse(null);
            String upn = e.data("UserPrincipalName").orElse(null);
            if (sam != null || display != null || upn != null) {
                result = User.builder().name(sam).fullName(display).uidAlt(upn).uid(user.uid()).domain(user.domain()).build();
            }
        }
        User subject = WindowsParts.user(e, "Subject");
        var session = WindowsParts.session(e, "SubjectLogonId", null);
        Actor actor = subject == null && session == null ? null : Actor.builder().user(subject).session(session).build();

        List<Observable> observables = new ArrayList<>();
        WindowsParts.addUser(observables, "user", user.name() == null || user.name().equals("unknown") ? null : user);
        WindowsParts.addUser(observables, "actor.user", subject);
        if (c.device() != null) {
            observables.add(WindowsParts.observable("device.hostname", ObservableTypeId.HOSTNAME, c.device().hostname()));
        }
        String message = e.message("User account " + activity.caption().toLowerCase(java.util.Locale.ROOT) + ": "
                + (user.name() != null ? user.name() : user.uid()));
        AccountChange.Builder b = AccountChange.builder()
                .activityId(activity)
                .activityName(activity.caption())
                .className("Account Change")
                .categoryName("Identity & Access Management")
                .typeName("Account Change: " + activity.caption())
                .time(c.time().epochMillis())
                .timezoneOffset(c.time().offsetMinutes())
                .severityId(c.severity())
                .severity(c.severity().caption())
                .statusId(c.status())
                .status(c.status().caption())
                .message(message)
                .user(user)
                .userResult(result)
                .actor(actor)
                .srcEndpoint(src)
                .device(c.device())
                .observables(observables.isEmpty() ? null : observables)
                .metadata(c.metadata())
                .riskScore(c.riskScore())
                .riskLevelId(c.riskLevel())
                .riskLevel(c.riskLevelCaption())
                .riskDetails(c.riskDetails())
                .enrichments(c.enrichments(null, null, input.assetId()))
                .rawData(OcsfParts.rawData(input.alert().object()));
        b.unmapped(e.fields().unmapped());
        return b.build();
    }
}
