package io.protect.enrich.messaging;

import static io.protect.enrich.messaging.KafkaTestClient.ACME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EventEnvelope;
import io.protect.tools.devservices.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fallback of the context lookups: with the context source failing (asset) and hanging (user), an
 * alert still goes out, marked partial with both lookups missing, after the service's time budget. Real:
 * Kafka, the service's fault-tolerance interceptors (@Timeout, @Fallback), GeoIP and intel. Faked:
 * the context source ({@link FailingContextSource} replaces the database client).
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@TestProfile(EnrichFallbackTest.FailingContext.class)
class EnrichFallbackTest {

    /** Puts the failing context source in place of the database client. */
    public static class FailingContext implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FailingContextSource.class);
        }
    }

    @Inject
    FailingContextSource source;

    @Test
    void anAlertWhoseContextLookupsFailGoesOnMarkedPartial() {
        String alert = """
                {"src_ip":"222.186.56.46","dest_ip":"192.168.0.2","severity":"medium","user":"jdoe"}""";
        EventEnvelope in = KafkaTestClient.received(ACME, "generic", alert);
        long start = System.nanoTime();
        KafkaTestClient.produce(Topic.SECURITY_ALERTS_RAW, in);

        EventEnvelope out = KafkaTestClient.await(Topic.SECURITY_ALERTS_ENHANCED, Set.of(in.eventId()), Duration.ofSeconds(60))
                .get(in.eventId());
        JsonNode e = out.data().path("enrichment");
        assertTrue(e.path("partial").asBoolean(), e.toString());
        List<String> missing = new ArrayList<>();
        e.path("missing").forEach(m -> missing.add(m.asText()));
        assertEquals(List.of("asset", "user"), missing);
        assertTrue(e.path("asset").isMissingNode());
        assertTrue(e.path("user").isMissingNode());
        // What did not depend on the database is still there.
        assertEquals("CN", e.path("geo").path("source").path("countryCode").asText());
        assertEquals("ssh-scanner", e.path("intel").path(0).path("threat").asText());
        assertEquals(48, e.path("risk").path("score").asInt());
        // The hanging user lookup was cut off by the service's 2 s budget for a poll's lookups.
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) >= 0);
        assertTrue(source.assetCalls() >= 1);
        assertTrue(source.userCalls() >= 1);
    }
}
