package io.protect.tools.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Real: PostgreSQL started by LocalInfraTestResource, Hibernate Reactive Panache. Faked: nothing. */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class PanacheRoundTripTest {

    @Test
    void writesAndReadsARowThroughPanache() throws Throwable {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ProbeRecord record = new ProbeRecord();
        record.tenantId = "acme";
        record.note = "written by " + getClass().getSimpleName();
        record.createdAt = now;

        // Hibernate Reactive must run on a Vert.x context; the test thread borrows one.
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(record::persist));
        assertNotNull(record.id);

        ProbeRecord found = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> ProbeRecord.<ProbeRecord>findById(record.id)));
        assertEquals("acme", found.tenantId);
        assertEquals(record.note, found.note);
        assertEquals(now, found.createdAt);

        long otherTenant = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> ProbeRecord.count("tenantId", "globex")));
        assertEquals(0L, otherTenant);
    }
}
