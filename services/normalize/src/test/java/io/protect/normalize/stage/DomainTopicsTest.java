package io.protect.normalize.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.protect.model.catalog.Topic;
import org.junit.jupiter.api.Test;

/** DomainTopics' class → topic table; nothing faked. */
class DomainTopicsTest {

    @Test
    void explicitClasses() {
        assertEquals(Topic.NETWORK_THREATS, DomainTopics.forClass(2004));
        assertEquals(Topic.IDENTITY_AUTHENTICATION, DomainTopics.forClass(3002));
        assertEquals(Topic.IDENTITY_ACCOUNT_CHANGES, DomainTopics.forClass(3001));
        assertEquals(Topic.NETWORK_FLOWS, DomainTopics.forClass(4001));
        assertEquals(Topic.NETWORK_HTTP, DomainTopics.forClass(4002));
        assertEquals(Topic.NETWORK_DNS, DomainTopics.forClass(4003));
        assertEquals(Topic.DATA_FILE_ACTIVITY, DomainTopics.forClass(1001));
        assertEquals(Topic.MONITORING_SYSTEM_ACTIVITY, DomainTopics.forClass(1007));
        assertEquals(Topic.APPLICATION_API_ACTIVITY, DomainTopics.forClass(6003));
        assertEquals(Topic.APPLICATION_VULNERABILITIES, DomainTopics.forClass(2002));
    }

    @Test
    void otherClassesByCategoryAndThreatsByDefault() {
        assertEquals(Topic.NETWORK_FLOWS, DomainTopics.forClass(4004));
        assertEquals(Topic.MONITORING_SYSTEM_ACTIVITY, DomainTopics.forClass(1002));
        assertEquals(Topic.NETWORK_THREATS, DomainTopics.forClass(2003));
        // Base Events (sensor statistics, Windows events without a core class) are monitoring data.
        assertEquals(Topic.MONITORING_SYSTEM_ACTIVITY, DomainTopics.forClass(0));
        assertEquals(Topic.NETWORK_THREATS, DomainTopics.forClass(5001));
    }
}
