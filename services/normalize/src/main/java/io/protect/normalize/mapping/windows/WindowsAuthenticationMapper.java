package io.protect.normalize.mapping.windows;

import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.ocsf.model.enums.AuthProtocolId;
import io.protect.ocsf.model.enums.AuthenticationActivityId;
import io.protect.ocsf.model.enums.LogonTypeId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.events.Authentication;
import io.protect.ocsf.model.objects.Actor;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Process;
import io.protect.ocsf.model.objects.Service;
import io.protect.ocsf.model.objects.Session;
import io.protect.ocsf.model.objects.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Windows Security logon events → OCSF Authentication (3002).
 *
 * <table>
 *   <caption>event id → activity, status</caption>
 *   <tr><td>4624</td><td>Logon, Success</td></tr>
 *   <tr><td>4625</td><td>Logon, Failure; {@code Status}/{@code SubStatus} → {@code status_code} (the
 *       sub-status when it is not 0x0) and {@code status_detail} (its documented meaning)</td></tr>
 *   <tr><td>4634, 4647</td><td>Logoff, Success</td></tr>
 *   <tr><td>4648</td><td>Logon with explicit credentials ({@code TargetServerName} →
 *       {@code dst_endpoint}, {@code TargetInfo} → {@code service.name})</td></tr>
 *   <tr><td>4768 / 4769 / 4771</td><td>Authentication Ticket / Service Ticket Request / Preauth
 *       (Kerberos; {@code Status} 0x0 success, else failure)</td></tr>
 *   <tr><td>4776</td><td>Logon (NTLM credential validation)</td></tr>
 * </table>
 * The user is the {@code Target*} account (for 4768–4776 {@code TargetUserName}), the actor the
 * {@code Subject*} account with the requesting {@code ProcessId}/{@code ProcessName}.
 * {@code TargetLogonId}/{@code LogonGuid} → {@code session}; {@code LogonType} →
 * {@code logon_type_id} (and {@code is_remote} for 3, 8, 10); {@code LogonProcessName} →
 * {@code logon_process.name}; {@code AuthenticationPackageName} → {@code auth_protocol_id} (NTLM,
 * Kerberos; MSV1_0 / MICROSOFT_AUTHENTICATION_PACKAGE_V1_0 is NTLM; else Other with the package name, e.g. Negotiate); {@code IpAddress}/{@code IpPort} and
 * {@code WorkstationName} → {@code src_endpoint}; the logging computer → {@code dst_endpoint} and
 * {@code device}. Status otherwise from the audit keyword. Everything else stays unmapped.
 */
public final class WindowsAuthenticationMapper implements AlertMapper {

    /** NTSTATUS codes of failed logons (4625, 4771, 4776) and their documented meanings. */
    static final Map<String, String> NTSTATUS = Map.ofEntries(
            Map.entry("0xc0000064", "User name does not exist"),
            Map.entry("0xc000006a", "User name is correct but the password is wrong"),
            Map.entry("0xc000006d", "Bad user name or authentication information"),
            Map.entry("0xc000006e", "Account restriction"),
            Map.entry("0xc000006f", "User tried to log on outside authorized hours"),
            Map.entry("0xc0000070", "Workstation restriction"),
            Map.entry("0xc0000071", "Password has expired"),
            Map.entry("0xc0000072", "Account is disabled"),
            Map.entry("0xc00000dc", "Server was in the wrong state"),
            Map.entry("0xc0000133", "Clocks between DC and other computer too far out of sync"),
            Map.entry("0xc000015b", "The user has not been granted the requested logon type"),
            Map.entry("0xc000018c", "Trust relationship between the domains failed"),
            Map.entry("0xc0000192", "Netlogon service was not started"),
            Map.entry("0xc0000193", "Account has expired"),
            Map.entry("0xc0000224", "User is required to change password at next logon"),
            Map.entry("0xc0000225", "Windows bug, not a risk"),
            Map.entry("0xc0000234", "Account is locked out"),
            Map.entry("0xc00002ee", "An error occurred during logon"),
            Map.entry("0xc0000413", "Authentication firewall: the account is not allowed to authenticate to this machine"),
            Map.entry("0x6", "Kerberos: client not found in database"),
            Map.entry("0x12", "Kerberos: client credentials revoked (disabled, expired or locked out)"),
            Map.entry("0x17", "Kerberos: password has expired"),
            Map.entry("0x18", "Kerberos: pre-authentication failed (wrong password)"),
            Map.entry("0x25", "Kerberos: clock skew too great"));

    @Override
    public Authentication map(AlertEnriched input, MappingContext context) {
        WinCommon c = WinCommon.read(input, context);
        WinEvent e = c.event();
        int id = c.eventId();

        AuthenticationActivityId activity = switch (id) {
            case 4634, 4647 -> AuthenticationActivityId.LOGOFF;
            case 4768 -> AuthenticationActivityId.AUTHENTICATION_TICKET;
            case 4769 -> AuthenticationActivityId.SERVICE_TICKET_REQUEST;
            case 4771 -> AuthenticationActivityId.PREAUTH;
            default -> AuthenticationActivityId.LOGON;
        };

        // Who: the account logged on (Target*) and who asked (Subject*).
        User user = WindowsParts.user(e, "Target");
        if (user == null && (id == 4768 || id == 4769 || id == 4771 || id == 4776)) {
            user = e.data("TargetUserName").map(n -> User.builder().name(n).build()).orElse(null);
        }
        User subject = WindowsParts.user(e, "Subject");
        Session subjectSession = WindowsParts.session(e, "SubjectLogonId", null);
        Process.Builder requester = WindowsParts.process(e, "ProcessId", "ProcessName");
        // In 4624/4625 the process is the logon process itself (winlogon.exe as "User32", lsass.exe as
        // "Kerberos", ...): OCSF's logon_process. Elsewhere (4648) it is the process that acted.
        Process logonProcess = null;
        if ((id == 4624 || id == 4625) && requester != null) {
            Process p = requester.build();
            if (p.pid() != null) {
                e.data("LogonProcessName").ifPresent(requester::name);
            }
            logonProcess = requester.build();
            requester = null;
        }
        Actor actor = subject == null && requester == null && subjectSession == null ? null : Actor.builder()
                .user(subject)
                .session(subjectSession)
                .process(requester == null ? null : requester.build())
                .build();
        Session session = WindowsParts.session(e, "TargetLogonId", "LogonGuid");

        // How
        Optional<Integer> logonType = e.dataInt("LogonType");
        LogonTypeId logonTypeId = logonType.map(WindowsParts::logonType).orElse(null);
        Optional<String> packageName = e.data("AuthenticationPackageName").or(() -> e.data("PackageName"));
        AuthProtocolId protocol = packageName.map(WindowsAuthenticationMapper::protocol)
                .orElse(id >= 4768 && id <= 4771 ? AuthProtocolId.KERBEROS : id == 4776 ? AuthProtocolId.NTLM : null);

        // Where from / to
        Optional<String> ip = e.peekData("IpAddress").or(() -> e.peekData("ClientAddress"));
        NetworkEndpoint.Builder src = ip.map(a -> WindowsParts.endpoint(a, null)).orElse(null);
        String srcIp = null;
        if (src != null) {
            e.data("IpAddress").or(() -> e.data("ClientAddress"));
            srcIp = src.build().ip();
            src.port(e.dataPort("IpPort").or(() -> e.dataPort("ClientPort")).orElse(null));
        }
        Optional<String> workstation = e.data("WorkstationName").or(() -> e.data("Workstation"));
        if (workstation.isPresent()) {
            src = src == null ? NetworkEndpoint.builder() : src;
            src.hostname(workstation.get());
        }
        NetworkEndpoint.Builder dst = NetworkEndpoint.builder();
        boolean hasDst = false;
        Optional<String> server = e.data("TargetServerName");
        if (server.isPresent()) {
            dst.hostname(server.get());
            hasDst = true;
        } else if (c.device() != null) {
            dst.hostname(c.device().hostname());
            hasDst = true;
        }
        Service service = e.data("TargetInfo").or(() -> e.data("ServiceName"))
                .map(n -> Service.builder().name(n).build()).orElse(null);

        // Outcome
        StatusId status = c.status();
        String statusCode = null;
        String statusDetail = null;
        Optional<String> st = e.peekData("Status");
        Optional<String> sub = e.peekData("SubStatus");
        if (st.isPresent() || sub.isPresent()) {
            String code = sub.filter(s -> !isZero(s)).or(() -> st).orElse(null);
            if (code != null) {
                e.data("Status");
                e.data("SubStatus");
                statusCode = code;
                boolean ok = isZero(code);
                status = ok ? StatusId.SUCCESS : StatusId.FAILURE;
                statusDetail = ok ? null : NTSTATUS.getOrDefault(code.toLowerCase(Locale.ROOT), null);
                if (!ok && statusDetail == null) {
                    statusDetail = e.peekData("FailureReason").filter(r -> !r.startsWith("%%")).orElse(null);
                    if (statusDetail != null) {
                        e.data("FailureReason");
                    }
                }
                if (!ok && sub.isPresent() && st.isPresent() && !isZero(sub.get())) {
                    statusDetail = (statusDetail == null ? "" : statusDetail + " ") + "(status " + st.get() + ", sub-status " + sub.get() + ")";
                }
            }
        }
        if (id == 4625) {
            status = StatusId.FAILURE;
        }

        List<Observable> observables = new ArrayList<>();
        WindowsParts.addUser(observables, "user", user);
        WindowsParts.addUser(observables, "actor.user", subject);
        if (srcIp != null) {
            observables.add(OcsfParts.observable("src_endpoint.ip", ObservableTypeId.IP_ADDRESS, srcIp, c.enrichment()));
        }
        if (c.device() != null) {
            observables.add(WindowsParts.observable("device.hostname", ObservableTypeId.HOSTNAME, c.device().hostname()));
        }

        String message = e.message(activity.caption() + " " + (user != null && user.name() != null ? user.name() : "")
                + " (Windows event " + id + ")");
        Boolean remote = logonType.map(t -> t == 3 || t == 8 || t == 10 || t == 12).orElse(null);
        Authentication.Builder b = Authentication.builder()
                .activityId(activity)
                .activityName(activity.caption())
                .className("Authentication")
                .categoryName("Identity & Access Management")
                .typeName("Authentication: " + activity.caption())
                .time(c.time().epochMillis())
                .timezoneOffset(c.time().offsetMinutes())
                .severityId(c.severity())
                .severity(c.severity().caption())
                .statusId(status)
                .status(status.caption())
                .statusCode(statusCode)
                .statusDetail(statusDetail)
                .message(message.strip())
                .user(user)
                .actor(actor)
                .session(session)
                .logonTypeId(logonTypeId)
                .logonType(logonTypeId == null ? null : logonTypeId.caption())
                .isRemote(remote)
                .logonProcess(logonProcess)
                .authProtocolId(protocol)
                .authProtocol(protocol == null ? null
                        : protocol == AuthProtocolId.OTHER ? packageName.orElse(null) : protocol.caption())
                .srcEndpoint(src == null ? null : src.build())
                .dstEndpoint(hasDst ? dst.build() : null)
                .service(service)
                .device(c.device())
                .observables(observables.isEmpty() ? null : observables)
                .metadata(c.metadata())
                .riskScore(c.riskScore())
                .riskLevelId(c.riskLevel())
                .riskLevel(c.riskLevelCaption())
                .riskDetails(c.riskDetails())
                .enrichments(c.enrichments(srcIp, null, input.assetId()))
                .rawData(OcsfParts.rawData(input.alert().object()));
        b.unmapped(e.fields().unmapped());
        return b.build();
    }

    static AuthProtocolId protocol(String authenticationPackage) {
        String p = authenticationPackage.toLowerCase(Locale.ROOT);
        if (p.startsWith("ntlm") || p.equals("microsoft_authentication_package_v1_0") || p.equals("msv1_0")) {
            return AuthProtocolId.NTLM;
        }
        if (p.equals("kerberos")) {
            return AuthProtocolId.KERBEROS;
        }
        return AuthProtocolId.OTHER;
    }

    static boolean isZero(String code) {
        return WinEvent.parseInt(code).map(v -> v == 0).orElse(false);
    }
}
