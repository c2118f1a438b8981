package io.protect.normalize.mapping.zeek;

import io.protect.ocsf.model.enums.AuthProtocolId;
import io.protect.ocsf.model.enums.AuthenticationActivityId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.events.Authentication;
import io.protect.ocsf.model.enums.ObservableTypeId;
import java.util.Locale;

/**
 * Zeek {@code kerberos.log} → Authentication (3002), {@code auth_protocol_id} Kerberos.
 *
 * <ul>
 *   <li>{@code request_type} AS → activity Authentication Ticket, TGS → Service Ticket Request.
 *       Without a request type (Zeek leaves it unset on some failures), a {@code krbtgt/} service
 *       means an AS exchange and any other service a TGS one.</li>
 *   <li>{@code client} {@code name/REALM} → {@code user.name} and {@code user.domain} (the whole
 *       principal when it has no realm). OCSF requires a user: when Zeek did not see the client
 *       principal, {@code user.name} is {@code unknown}.</li>
 *   <li>{@code service} → {@code service.name}; {@code success} → status Success/Failure;
 *       {@code error_msg} → {@code status_code} and {@code status_detail}; the tuple →
 *       {@code src_endpoint}/{@code dst_endpoint} (the KDC).</li>
 *   <li>{@code cipher}, {@code from}, {@code till}, {@code forwardable}, {@code renewable} and the
 *       PKINIT certificate fields stay in unmapped.</li>
 * </ul>
 */
final class ZeekKerberosMapper extends ZeekMapper {

    static final String UNKNOWN_USER = "unknown";

    ZeekKerberosMapper() {
        super("kerberos", Authentication.class, 3002, 3, "Authentication", "Identity & Access Management");
    }

    @Override
    void fill(ZeekEvent e) {
        e.endpoints();
        e.put("auth_protocol_id", AuthProtocolId.KERBEROS.value());
        e.put("auth_protocol", AuthProtocolId.KERBEROS.caption());
        String requestType = e.f.takeText("request_type").orElse(null);
        String service = e.f.takeText("service").orElse(null);
        AuthenticationActivityId a = activity(requestType, service);
        e.activity(a.value(), a.caption());
        if (service != null) {
            e.put("service.name", service);
        }
        String client = e.f.takeText("client").orElse(null);
        if (client != null) {
            int slash = client.lastIndexOf('/');
            boolean realm = slash > 0 && slash < client.length() - 1;
            String name = realm ? client.substring(0, slash) : client;
            e.put("user.name", name);
            if (realm) {
                e.put("user.domain", client.substring(slash + 1));
            }
            e.observable("user.name", ObservableTypeId.USER_NAME, name);
        } else {
            e.put("user.name", UNKNOWN_USER);
        }
        e.f.takeBoolean("success").ifPresent(ok -> e.status(ok ? StatusId.SUCCESS : StatusId.FAILURE));
        e.f.takeText("error_msg").ifPresent(m -> {
            e.put("status_code", m);
            e.put("status_detail", m);
        });
    }

    /** Activity of a Kerberos exchange, as documented on the class. */
    static AuthenticationActivityId activity(String requestType, String service) {
        if (requestType != null) {
            return switch (requestType.toUpperCase(Locale.ROOT)) {
                case "AS" -> AuthenticationActivityId.AUTHENTICATION_TICKET;
                case "TGS" -> AuthenticationActivityId.SERVICE_TICKET_REQUEST;
                default -> AuthenticationActivityId.OTHER;
            };
        }
        if (service == null) {
            return AuthenticationActivityId.UNKNOWN;
        }
        return service.toLowerCase(Locale.ROOT).startsWith("krbtgt/") ? AuthenticationActivityId.AUTHENTICATION_TICKET
                : AuthenticationActivityId.SERVICE_TICKET_REQUEST;
    }
}
