package io.protect.enrich.rest;

import io.protect.enrich.repository.IntelStore;
import io.protect.service.common.TenantAuthenticator;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Operations on the threat intelligence store: {@code POST /api/v1/intel/reload} reads the feed
 * files again (after a feed was added or updated) and answers what was loaded. Any authenticated
 * tenant may ask; the feeds are the service's, not a tenant's, so nothing tenant-specific is shown.
 */
@Path("/api/v1/intel")
@Produces(MediaType.APPLICATION_JSON)
public class IntelResource {

    private final IntelStore store;
    private final TenantAuthenticator authenticator;

    public IntelResource(IntelStore store, TenantAuthenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
    }

    /** Reloads all feeds. Runs on a worker thread (a blocking signature): it reads files. */
    @POST
    @Path("/reload")
    public Response reload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (authenticator.fromAuthorization(authorization).isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .entity(Map.of("error", "a valid bearer token is required")).build();
        }
        return Response.ok(store.reload()).build();
    }
}
