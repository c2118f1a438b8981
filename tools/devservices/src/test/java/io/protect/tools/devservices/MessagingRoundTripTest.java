package io.protect.tools.devservices;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.events.NetworkThreatDetected;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Real: Kafka broker started by LocalInfraTestResource, SmallRye Kafka connector, the envelope
 * serdes with schema validation. Faked: nothing.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class MessagingRoundTripTest {

    private static final EnvelopeFactory FACTORY =
            new EnvelopeFactory(new EventEnvelope.Source("devservices-test", "0.1.0", "test-1"));

    @Inject
    ThreatProbe probe;

    @Test
    void anEnvelopeGoesThroughACatalogTopicAndComesBackEqual() {
        EventEnvelope sent = FACTORY.create(EventType.NETWORK_THREAT_DETECTED, new EventEnvelope.Tenant("acme", null),
                new NetworkThreatDetected("host-17", "10.1.2.3", 51234, "198.51.100.7", 443, "TCP",
                        "ET MALWARE Win32/Emotet CnC Activity", 2_030_000L, "high", "suricata-edge-1",
                        List.of("T1071.001")),
                null);

        probe.send(sent).await().atMost(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(60)).until(() -> find(sent).isPresent());
        EventEnvelope received = find(sent).orElseThrow();
        assertEquals(sent, received);
        assertEquals("1.1.0", received.eventVersion());
    }

    private Optional<EventEnvelope> find(EventEnvelope sent) {
        return probe.received().stream().filter(e -> e.eventId().equals(sent.eventId())).findFirst();
    }
}
