package io.protect.service.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Which start-up warnings of SmallRye's wiring are dropped. Pure. */
class DirectProducerChannelsLogFilterTest {

    private final DirectProducerChannelsLogFilter filter = new DirectProducerChannelsLogFilter();

    private static LogRecord record(String message) {
        return new LogRecord(Level.WARNING, message);
    }

    @Test
    void outgoingChannelsWithoutAnEmitterAreNotWorthAWarning() {
        assertFalse(filter.isLoggable(record("""
                SRMSG00207: Some components are not connected to either downstream consumers or upstream producers:
                \t- OutgoingConnector{channel:'predictions-out', attribute:'mp.messaging.outgoing.predictions-out'} has no upstream
                \t- OutgoingConnector{channel:'dead-letters-out', attribute:'mp.messaging.outgoing.dead-letters-out'} has no upstream
                """)));
    }

    @Test
    void theListIsReadFromTheFormattedMessageAsSmallRyeLogsIt() {
        org.jboss.logmanager.ExtLogRecord logged = new org.jboss.logmanager.ExtLogRecord(Level.WARNING,
                "SRMSG00207: Some components are not connected to either downstream consumers or upstream producers:%n%s",
                org.jboss.logmanager.ExtLogRecord.FormatStyle.PRINTF, DirectProducerChannelsLogFilterTest.class.getName());
        logged.setParameters(new Object[] {"\t- OutgoingConnector{channel:'x', attribute:'mp.messaging.outgoing.x'} has no upstream\n"});
        assertFalse(filter.isLoggable(logged));
        logged.setParameters(new Object[] {"\t- IncomingConnector{channel:'y', attribute:'mp.messaging.incoming.y'} has no downstream\n"});
        assertTrue(filter.isLoggable(logged));
    }

    @Test
    void anythingElseUnconnectedIsStillWarnedAbout() {
        assertTrue(filter.isLoggable(record("""
                SRMSG00207: Some components are not connected to either downstream consumers or upstream producers:
                \t- OutgoingConnector{channel:'predictions-out', attribute:'mp.messaging.outgoing.predictions-out'} has no upstream
                \t- IncomingConnector{channel:'alerts-ocsf-in', attribute:'mp.messaging.incoming.alerts-ocsf-in'} has no downstream
                """)));
        assertTrue(filter.isLoggable(record("SRMSG18258: Kafka producer kafka-producer-x, connected to Kafka brokers")));
    }
}
