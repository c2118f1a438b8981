package io.protect.store.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.envelope.EventEnvelope.Tenant;
import io.protect.model.json.Json;
import io.protect.service.common.TenantAuthenticator;
import io.protect.store.EventItem;
import io.protect.store.EventQuery;
import io.protect.store.EventQuery.PageCursor;
import io.protect.store.TenantStats;
import io.protect.store.config.StoreConfig;
import io.protect.store.repository.EventRepository;
import io.protect.store.repository.OcsfEventEntity;
import io.protect.store.repository.PredictionEntity;
import io.protect.store.repository.PredictionRepository;
import io.protect.store.stage.EventQueryParser;
import io.protect.store.stage.PageCursors;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The query API over stored events: a tenant sees only its own events, identified by its bearer
 * token; another tenant's event is answered exactly like a missing one.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private final TenantAuthenticator authenticator;
    private final EventRepository events;
    private final PredictionRepository predictions;
    private final EventQueryParser parser;

    public EventResource(TenantAuthenticator authenticator, EventRepository events, PredictionRepository predictions,
            StoreConfig config) {
        this.authenticator = authenticator;
        this.events = events;
        this.predictions = predictions;
        this.parser = new EventQueryParser(config.page().defaultLimit(), config.page().maxLimit());
    }

    /**
     * A page of the tenant's events, newest first. {@code since}/{@code until} take an ISO-8601
     * instant or epoch milliseconds; {@code cursor} is the {@code next} of the previous page.
     */
    @GET
    @Path("/events")
    @WithSession
    public Uni<EventItem.Page> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("class_uid") String classUid, @QueryParam("severity_id") String severityId,
            @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("src_ip") String srcIp, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Tenant tenant = tenant(authorization);
        EventQuery query = parser.parse(new EventQueryParser.Raw(classUid, severityId, since, until, srcIp, limit, cursor));
        return events.page(tenant.tenantId(), query).chain(rows -> {
            boolean more = rows.size() > query.limit();
            List<OcsfEventEntity> page = more ? rows.subList(0, query.limit()) : rows;
            List<UUID> ids = page.stream().map(r -> r.eventId).toList();
            return predictions.forEvents(tenant.tenantId(), ids).map(found -> {
                Map<UUID, PredictionEntity> byId = found.stream()
                        .collect(Collectors.toMap(p -> p.eventId, Function.identity()));
                List<EventItem> items = page.stream().map(r -> item(r, byId.get(r.eventId))).toList();
                String next = more
                        ? PageCursors.encode(new PageCursor(page.get(page.size() - 1).time, page.get(page.size() - 1).eventId))
                        : null;
                return new EventItem.Page(items, next);
            });
        });
    }

    /** One of the tenant's events; 404 when it does not exist or is another tenant's. */
    @GET
    @Path("/events/{eventId}")
    @WithSession
    public Uni<EventItem> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("eventId") String eventId) {
        Tenant tenant = tenant(authorization);
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw new ApiErrors.NotFound("no event " + eventId);
        }
        return events.findForTenant(tenant.tenantId(), id).chain(row -> {
            if (row == null) {
                return Uni.createFrom().failure(new ApiErrors.NotFound("no event " + eventId));
            }
            return predictions.forEvents(tenant.tenantId(), List.of(id))
                    .map(found -> item(row, found.isEmpty() ? null : found.get(0)));
        });
    }

    /** How many events and predictions the tenant has stored (the launcher polls this). */
    @GET
    @Path("/stats")
    @WithSession
    public Uni<TenantStats> stats(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Tenant tenant = tenant(authorization);
        return events.countForTenant(tenant.tenantId())
                .chain(e -> predictions.countForTenant(tenant.tenantId())
                        .map(p -> new TenantStats(tenant.tenantId(), e, p)));
    }

    private Tenant tenant(String authorization) {
        return authenticator.fromAuthorization(authorization).orElseThrow(ApiErrors.Unauthorized::new);
    }

    private static EventItem item(OcsfEventEntity row, PredictionEntity prediction) {
        EventItem.Prediction p = prediction == null ? null
                : new EventItem.Prediction(prediction.label, prediction.probability, prediction.modelVersion,
                        json(prediction.features), prediction.storedAt);
        return new EventItem(row.eventId, row.tenantId, json(row.ocsf), p, row.storedAt);
    }

    private static JsonNode json(String text) {
        return Json.parse(text);
    }
}
