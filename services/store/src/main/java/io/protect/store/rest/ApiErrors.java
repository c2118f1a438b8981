package io.protect.store.rest;

import io.protect.store.stage.InvalidParameterException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps the API's failures to JSON error answers. */
public class ApiErrors {

    /** Thrown when a request carries no valid bearer token. */
    public static class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorized() {
            super("missing or unknown bearer token", null, false, false);
        }
    }

    /** Thrown when the tenant has no event of that id (also when another tenant has). */
    public static class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    @ServerExceptionMapper
    public Response unauthorized(Unauthorized e) {
        return Response.status(401)
                .header("WWW-Authenticate", "Bearer")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(401, e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(404, e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response badParameter(InvalidParameterException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(400, e.getMessage(), e.parameter())).build();
    }
}
