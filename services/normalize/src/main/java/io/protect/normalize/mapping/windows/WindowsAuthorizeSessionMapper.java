package io.protect.normalize.mapping.windows;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.ocsf.model.enums.AuthorizeSessionActivityId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.events.AuthorizeSession;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.User;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Windows Security 4672 (special privileges assigned to new logon) → OCSF Authorize Session
 * (3003), activity Assign Privileges. {@code Subject*} → {@code user}, {@code SubjectLogonId} →
 * {@code session.uid}, {@code PrivilegeList} (whitespace separated) → {@code privileges}; the
 * logging computer → {@code device}. Status from the audit keyword.
 */
public final class WindowsAuthorizeSessionMapper implements AlertMapper {

    @Override
    public AuthorizeSession map(AlertEnriched input, MappingContext context) {
        WinCommon c = WinCommon.read(input, context);
        WinEvent e = c.event();
        User user = WindowsParts.user(e, "Subject");
        var session = WindowsParts.session(e, "SubjectLogonId", null);
        List<String> privileges = e.data("PrivilegeList")
                .map(p -> Arrays.stream(p.split("\\s+")).filter(s -> !s.isBlank()).toList()).orElse(null);
        List<Observable> observables = new ArrayList<>();
        WindowsParts.addUser(observables, "user", user);
        if (c.device() != null) {
            observables.add(WindowsParts.observable("device.hostname", ObservableTypeId.HOSTNAME, c.device().hostname()));
        }
        AuthorizeSessionActivityId activity = AuthorizeSessionActivityId.ASSIGN_PRIVILEGES;
        String message = e.message("Special privileges assigned to new logon"
                + (user != null && user.name() != null ? " of " + user.name() : ""));
        AuthorizeSession.Builder b = AuthorizeSession.builder()
                .activityId(activity)
                .activityName(activity.caption())
                .className("Authorize Session")
                .categoryName("Identity & Access Management")
                .typeName("Authorize Session: " + activity.caption())
                .time(c.time().epochMillis())
                .timezoneOffset(c.time().offsetMinutes())
                .severityId(c.severity())
                .severity(c.severity().caption())
                .statusId(c.status())
                .status(c.status().caption())
                .message(message)
                .user(user == null ? User.builder().name("unknown").build() : user)
                .session(session)
                .privileges(privileges)
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
