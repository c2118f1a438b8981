package io.protect.model.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.protect.model.envelope.EnvelopeFactory.TraceContext;
import io.protect.model.envelope.EventEnvelope.Classification;
import io.protect.model.events.EventType;
import io.protect.model.events.UserAuthenticationSucceeded;
import io.protect.model.json.Json;
import io.protect.model.schema.EventSchemaRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The envelope factory with a fixed clock; real schemas. Faked: the clock. */
class EnvelopeFactoryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123456789Z");
    private final EnvelopeFactory factory = new EnvelopeFactory(
            new EventEnvelope.Source("ingest", "0.1.0", "ingest-7f9c"), Clock.fixed(NOW, ZoneOffset.UTC),
            UUID::randomUUID, EventSchemaRegistry.defaultRegistry());

    private EventEnvelope login(TraceContext trace) {
        return factory.create(EventType.USER_AUTHENTICATION_SUCCEEDED, new EventEnvelope.Tenant("acme", "acme-eu"),
                new UserAuthenticationSucceeded("u-1", "alice", "192.0.2.4", "sso", true, "okta"), trace);
    }

    @Test
    void fillsIdentityTimeSourceVersionAndLabel() {
        EventEnvelope e = login(null);
        assertEquals(4, e.eventId().version());
        assertEquals("UserAuthenticationSucceeded", e.eventType());
        assertEquals("1.0.0", e.eventVersion());
        assertEquals(Instant.parse("2026-11-22T10:15:30.123456Z"), e.timestamp());
        assertEquals("ingest-7f9c", e.source().instance());
        assertEquals(Classification.CONFIDENTIAL, e.security().classification());
        // identity.authentication is a high-volume topic: seven days.
        assertEquals("P7D", e.security().retention());
        assertEquals(e.eventId().toString(), e.correlation().correlationId());
        assertTrue(e.correlation().traceId().matches("[0-9a-f]{32}"));
        assertNull(e.correlation().parentSpanId());
        String json = Json.MAPPER.valueToTree(e).toString();
        assertTrue(json.contains("\"timestamp\":\"2026-11-22T10:15:30.123456Z\""), json);
        assertTrue(json.contains("\"classification\":\"confidential\""), json);
    }

    @Test
    void continuesAnIncomingW3cTrace() {
        EventEnvelope e = login(TraceContext.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", e.correlation().traceId());
        assertEquals("00f067aa0ba902b7", e.correlation().parentSpanId());
        assertNotEquals("00f067aa0ba902b7", e.correlation().spanId());
    }

    @Test
    void aMalformedTraceparentStartsANewTrace() {
        for (String bad : new String[] {"garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"}) {
            EventEnvelope e = login(TraceContext.fromTraceparent(bad));
            assertNotEquals("4bf92f3577b34da6a3ce929d0e0e4736", e.correlation().traceId(), bad);
            assertNull(e.correlation().parentSpanId(), bad);
        }
    }

    @Test
    void aDerivedEventKeepsTenantCorrelationAndTraceAndNamesItsCause() {
        EventEnvelope cause = login(null);
        EventEnvelope derived = factory.derive(cause, EventType.ALERT_RECEIVED,
                Json.parse("{\"sourceFormat\":\"okta\",\"alert\":{\"x\":1}}"));
        assertNotEquals(cause.eventId(), derived.eventId());
        assertEquals(cause.tenant(), derived.tenant());
        assertEquals(cause.correlation().correlationId(), derived.correlation().correlationId());
        assertEquals(cause.correlation().traceId(), derived.correlation().traceId());
        assertEquals(cause.correlation().spanId(), derived.correlation().parentSpanId());
        assertEquals(cause.eventId().toString(), derived.correlation().causationId());
    }
}
