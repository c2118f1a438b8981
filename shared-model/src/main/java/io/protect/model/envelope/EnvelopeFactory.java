package io.protect.model.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.envelope.EventEnvelope.Correlation;
import io.protect.model.envelope.EventEnvelope.SecurityLabel;
import io.protect.model.envelope.EventEnvelope.Source;
import io.protect.model.envelope.EventEnvelope.Tenant;
import io.protect.model.events.EventType;
import io.protect.model.json.Json;
import io.protect.model.schema.EventSchemaRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes envelopes: fills the event id (a time-ordered UUID v7, see {@link EventIds}), the time (UTC, microseconds), the producing
 * service and the schema version producers write, and derives the security label and retention
 * from the event type and its topic. Stateless apart from its fixed inputs, so one instance per
 * service is shared by all threads.
 */
public final class EnvelopeFactory {

    private final Source source;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final EventSchemaRegistry schemas;
    private final java.util.Map<EventType, String> versions = new java.util.concurrent.ConcurrentHashMap<>();

    public EnvelopeFactory(Source source) {
        this(source, Clock.systemUTC(), EventIds::newId, EventSchemaRegistry.defaultRegistry());
    }

    public EnvelopeFactory(Source source, Clock clock, Supplier<UUID> ids, EventSchemaRegistry schemas) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.schemas = Objects.requireNonNull(schemas, "schemas");
    }

    /**
     * A new event that starts a flow: a fresh correlation id and trace, unless a trace context is
     * given (the incoming request's {@code traceparent}).
     */
    public EventEnvelope create(EventType type, Tenant tenant, Object payload, TraceContext trace) {
        UUID id = ids.get();
        TraceContext context = trace != null ? trace : TraceContext.newRoot();
        Correlation correlation = new Correlation(id.toString(), context.traceId(), TraceIds.newSpanId(),
                context.parentSpanId(), null);
        return build(id, type, tenant, correlation, payload);
    }

    /**
     * The event a stage derives from another: same tenant and correlation id, same trace, a new span
     * whose parent is the cause's span, and the cause's id as causation.
     */
    public EventEnvelope derive(EventEnvelope cause, EventType type, Object payload) {
        Correlation parent = cause.correlation();
        Correlation correlation = new Correlation(parent.correlationId(), parent.traceId(), TraceIds.newSpanId(),
                parent.spanId(), cause.eventId().toString());
        return build(ids.get(), type, cause.tenant(), correlation, payload);
    }

    /**
     * The next pipeline stage's form of the same alert: the event id stays (it is the alert's identity
     * from ingest to storage, and what duplicates are recognised by), the type and payload change,
     * and the new span's parent is the previous stage's span.
     */
    public EventEnvelope advance(EventEnvelope previous, EventType type, Object payload) {
        Correlation parent = previous.correlation();
        Correlation correlation = new Correlation(parent.correlationId(), parent.traceId(), TraceIds.newSpanId(),
                parent.spanId(), parent.causationId());
        return build(previous.eventId(), type, previous.tenant(), correlation, payload);
    }

    /** As {@link #create}, for a typed payload: the event ingest makes of an accepted alert. */
    public <T> Event<T> createEvent(EventType type, Tenant tenant, T payload, TraceContext trace) {
        UUID id = ids.get();
        TraceContext context = trace != null ? trace : TraceContext.newRoot();
        Correlation correlation = new Correlation(id.toString(), context.traceId(), TraceIds.newSpanId(),
                context.parentSpanId(), null);
        return new Event<>(id, type.wireName(), version(type), EventTimestamps.now(clock), source, tenant, correlation,
                label(type), payload);
    }

    /**
     * As {@link #advance(EventEnvelope, EventType, Object)}, for typed events: the next pipeline
     * stage's form of the same alert, same event id, a new span whose parent is the previous stage's.
     */
    public <T> Event<T> advance(Event<?> previous, EventType type, T payload) {
        Correlation parent = previous.correlation();
        Correlation correlation = new Correlation(parent.correlationId(), parent.traceId(), TraceIds.newSpanId(),
                parent.spanId(), parent.causationId());
        return new Event<>(previous.eventId(), type.wireName(), version(type), EventTimestamps.now(clock), source,
                previous.tenant(), correlation, label(type), payload);
    }

    /** The schema version producers write for a type: the newest the index lists (looked up once per type). */
    private String version(EventType type) {
        return versions.computeIfAbsent(type, t -> schemas.latest(t.wireName()).toString());
    }

    private EventEnvelope build(UUID id, EventType type, Tenant tenant, Correlation correlation, Object payload) {
        JsonNode data = payload instanceof JsonNode node ? node : Json.MAPPER.valueToTree(payload);
        return new EventEnvelope(id, type.wireName(), version(type),
                EventTimestamps.now(clock), source, tenant, correlation, label(type), data);
    }

    /** The default label of an event type: its classification and sensitivity, kept as long as its topic. */
    static SecurityLabel label(EventType type) {
        return LABELS.get(type);
    }

    private static final java.util.Map<EventType, SecurityLabel> LABELS = labels();

    private static java.util.Map<EventType, SecurityLabel> labels() {
        java.util.Map<EventType, SecurityLabel> labels = new java.util.EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            labels.put(type, newLabel(type));
        }
        return labels;
    }

    private static SecurityLabel newLabel(EventType type) {
        return new SecurityLabel(type.classification(), type.sensitivity(),
                isoDays(type.topic().tier().retention()), null);
    }

    private static String isoDays(Duration d) {
        return "P" + d.toDays() + "D";
    }

    /** The W3C trace context an event continues: a trace id and, when there is one, the caller's span. */
    public record TraceContext(String traceId, String parentSpanId) {
        public static TraceContext newRoot() {
            return new TraceContext(TraceIds.newTraceId(), null);
        }

        /**
         * Reads a W3C {@code traceparent} header ({@code 00-<trace-id>-<parent-id>-<flags>}); a missing or
         * malformed one starts a new trace, as the W3C recommendation says a receiver should.
         */
        public static TraceContext fromTraceparent(String header) {
            if (header != null) {
                String[] parts = header.trim().split("-");
                if (parts.length == 4 && parts[0].matches("[0-9a-f]{2}") && !parts[0].equals("ff")
                        && parts[1].matches("[0-9a-f]{32}") && !parts[1].matches("0{32}")
                        && parts[2].matches("[0-9a-f]{16}") && !parts[2].matches("0{16}")) {
                    return new TraceContext(parts[1], parts[2]);
                }
            }
            return newRoot();
        }
    }
}
