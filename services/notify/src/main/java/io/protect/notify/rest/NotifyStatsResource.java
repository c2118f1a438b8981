package io.protect.notify.rest;

import io.protect.model.envelope.EventEnvelope.Tenant;
import io.protect.notify.websocket.AnalystSessions;
import io.protect.service.common.TenantAuthenticator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/** The calling tenant's live-feed figures: open analyst sessions and messages pushed to them. */
@Path("/api/v1/notify/stats")
public class NotifyStatsResource {

    /** A tenant's figures. */
    public record Stats(String tenantId, int sessions, long pushed) {
    }

    private final TenantAuthenticator authenticator;
    private final AnalystSessions sessions;

    public NotifyStatsResource(TenantAuthenticator authenticator, AnalystSessions sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response stats(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<Tenant> tenant = authenticator.fromAuthorization(authorization);
        if (tenant.isEmpty()) {
            return Response.status(401).header("WWW-Authenticate", "Bearer")
                    .entity(Map.of("status", 401, "error", "missing or unknown bearer token")).build();
        }
        String id = tenant.get().tenantId();
        return Response.ok(new Stats(id, sessions.sessions(id), sessions.pushed(id))).build();
    }
}
