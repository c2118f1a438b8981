package io.protect.ingest.rest;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.protect.model.events.AlertReceived;
import io.protect.model.events.SourceFormat;
import io.protect.ingest.config.IngestConfig;
import io.protect.ingest.messaging.RawAlertPublisher;
import io.protect.ingest.stage.AlertBatchParser;
import io.protect.ingest.stage.LineFormats;
import io.protect.ingest.stage.RawAlertBuilder;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EnvelopeFactory.TraceContext;
import io.protect.model.envelope.Event;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.messaging.Channel;
import io.protect.service.common.Output;
import io.protect.model.events.EventType;
import io.protect.model.json.Json;
import io.protect.model.schema.EventSchemaRegistry;
import io.protect.service.common.StageMetrics;
import io.protect.service.common.TenantAuthenticator;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/v1/alerts}: accepts one alert, a JSON array or NDJSON for the tenant of the
 * bearer token, wraps each alert in an envelope, and answers 202 with the event ids only once the
 * broker has acknowledged every one. A batch is all-or-nothing: any bad alert fails the request
 * with 400 (or 413) naming its array index or NDJSON line, and none of the batch is published.
 */
@Path("/api/v1/alerts")
public class AlertResource {

    static final String NDJSON = "application/x-ndjson";
    /** The stage name in metrics. */
    static final String STAGE = "ingest";
    private static final Logger LOG = Logger.getLogger(AlertResource.class);

    private final TenantAuthenticator auth;
    private final EnvelopeFactory envelopes;
    private final RawAlertPublisher publisher;
    private final IngestConfig config;
    private final AlertBatchParser parser;
    private final LineFormats lines;
    private final StageMetrics metrics;

    public AlertResource(TenantAuthenticator auth, EnvelopeFactory envelopes, RawAlertPublisher publisher,
            IngestConfig config, StageMetrics metrics) {
        this.auth = auth;
        this.metrics = metrics;
        this.envelopes = envelopes;
        this.publisher = publisher;
        this.config = config;
        this.parser = new AlertBatchParser(config.maxEventBytes(), config.maxEventsPerRequest());
        this.lines = new LineFormats(config.maxEventBytes(), config.maxEventsPerRequest());
    }

    /** The 202 answer: how many alerts were accepted and their event ids, in request order. */
    public record Accepted(int accepted, List<String> eventIds) {
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, NDJSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> ingest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("traceparent") String traceparent,
            @QueryParam("source") String source,
            byte[] body) {
        long start = System.nanoTime();
        Optional<EventEnvelope.Tenant> tenant = auth.fromAuthorization(authorization);
        if (tenant.isEmpty()) {
            return Uni.createFrom().item(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"protect\"")
                    .entity(error(authorization == null ? "missing bearer token" : "invalid bearer token")).build());
        }
        if (body != null && body.length > config.maxRequestBytes()) {
            return Uni.createFrom().item(status(413, error("request body is " + body.length + " bytes; the limit is "
                    + config.maxRequestBytes())));
        }
        SourceFormat requested = null;
        if (source != null && !source.isBlank()) {
            Optional<SourceFormat> known = SourceFormat.byName(source);
            if (known.isEmpty()) {
                return Uni.createFrom().item(status(400, error("unknown source '" + source + "'; known: "
                        + SourceFormat.names())));
            }
            requested = known.get();
        }
        Wrapped batch;
        try {
            String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
            byte[] bytes = body == null ? new byte[0] : body;
            List<AlertReceived> alerts = type.startsWith(MediaType.TEXT_PLAIN)
                    ? RawAlertBuilder.fromLines(lines.parse(bytes, requested))
                    : RawAlertBuilder.build(parser.parse(bytes, type.startsWith(NDJSON)), requested);
            batch = wrap(tenant.get(), alerts, traceContext(traceparent));
        } catch (AlertBatchParser.BadBatch e) {
            Map<String, Object> entity = new java.util.LinkedHashMap<>(error(e.getMessage()));
            if (e.index() != null) {
                entity.put("index", e.index());
            }
            if (e.line() != null) {
                entity.put("line", e.line());
            }
            return Uni.createFrom().item(status(e.status(), entity));
        }
        List<String> ids = batch.eventIds();
        return publisher.publish(batch.records())
                .map(done -> {
                    ids.forEach(id -> metrics.processed(STAGE, start));
                    return status(202, new Accepted(ids.size(), ids));
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf(e, "publishing %d alerts for tenant %s failed", ids.size(), tenant.get().tenantId());
                    // Some alerts of the batch may have been published: the client should retry the
                    // whole batch (at-least-once; downstream stages absorb duplicates by event id only
                    // for redeliveries, so a retried batch gets new ids).
                    return status(503, error("the event log did not acknowledge the batch: " + e.getMessage()));
                });
    }

    /**
     * The records of a batch, each encoded once and its bytes validated against the envelope's and
     * the payload's JSON Schemas (the pipeline's trust boundary: stages after ingest check only the
     * event type and version of what they read), before anything is sent, so that the batch stays
     * all-or-nothing.
     */
    private Wrapped wrap(EventEnvelope.Tenant tenant, List<AlertReceived> alerts, TraceContext trace) {
        List<Output> out = new ArrayList<>(alerts.size());
        List<String> ids = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            Event<AlertReceived> event = envelopes.createEvent(EventType.ALERT_RECEIVED, tenant, alerts.get(i), trace);
            try {
                out.add(RawAlertPublisher.record(event));
            } catch (IllegalArgumentException e) {
                throw new AlertBatchParser.BadBatch(400, "alert " + i + " is invalid: " + e.getMessage(),
                        alerts.size() > 1 ? i : null, null);
            }
            ids.add(event.eventId().toString());
        }
        return new Wrapped(out, ids);
    }

    /** A batch's records and their event ids, in request order. */
    private record Wrapped(List<Output> records, List<String> eventIds) {
    }

    /** The request's trace: OpenTelemetry's server span when there is one, else the W3C header. */
    private static TraceContext traceContext(String traceparent) {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            return new TraceContext(span.getTraceId(), span.getSpanId());
        }
        return TraceContext.fromTraceparent(traceparent);
    }

    private static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }

    private static Response status(int status, Object entity) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(entity).build();
    }
}
