package io.protect.notify.websocket;

import io.protect.model.envelope.EventEnvelope.Tenant;
import io.protect.service.common.TenantAuthenticator;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The analysts' live feed, {@code /ws/alerts?token=<token>}: the token is checked when the socket
 * opens (browsers cannot set an Authorization header on a WebSocket); a session without a valid one
 * is closed at once with code 1008 and a reason saying why, and never receives an alert.
 */
@WebSocket(path = "/ws/alerts")
public class AlertSocket {

    /** Close code for a refused token: RFC 6455 "policy violation". */
    public static final int UNAUTHORIZED = 1008;
    public static final String UNAUTHORIZED_REASON = "unauthorized: missing or unknown token";

    private static final TypedKey<String> TENANT = TypedKey.forString("protect.tenant");

    private final TenantAuthenticator authenticator;
    private final AnalystSessions sessions;

    public AlertSocket(TenantAuthenticator authenticator, AnalystSessions sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        Optional<Tenant> tenant = authenticator.fromToken(queryParam(connection.handshakeRequest().query(), "token"));
        if (tenant.isEmpty()) {
            return connection.close(new CloseReason(UNAUTHORIZED, UNAUTHORIZED_REASON));
        }
        String tenantId = tenant.get().tenantId();
        connection.userData().put(TENANT, tenantId);
        int count = sessions.add(tenantId, connection);
        // Tells the client it is live (and as whom); it carries no eventId, so it is not an alert.
        return connection.sendText(Map.of("connected", true, "tenantId", tenantId, "sessions", count));
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        String tenantId = connection.userData().get(TENANT);
        if (tenantId != null) {
            sessions.remove(tenantId, connection);
        }
    }

    /** One parameter of a raw query string, URL-decoded; {@code null} when absent. */
    static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
