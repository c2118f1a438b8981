package io.protect.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.json.Json;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The topic catalog's rules, checked over every topic. Pure. */
class TopicCatalogTest {

    @Test
    void thePipelineTopicsOfTheDesignAreAllThere() {
        for (String name : List.of("security.alerts.raw", "security.alerts.enhanced", "security.alerts.ocsf.ready",
                "security.ml.predictions", "security.notifications", "security.errors.dlq", "incidents.events")) {
            assertTrue(Topic.byName(name).isPresent(), name);
        }
    }

    @Test
    void everyDomainOfTheTaxonomyHasTopics() {
        Set<String> prefixes = Set.of("network", "application", "data", "identity", "monitoring", "platform", "tenant",
                "alerts", "incidents", "security");
        Set<String> used = new HashSet<>();
        for (Topic t : Topic.values()) {
            String prefix = t.topicName().substring(0, t.topicName().indexOf('.'));
            assertTrue(prefixes.contains(prefix), t.topicName());
            used.add(prefix);
        }
        assertEquals(prefixes, used);
    }

    @Test
    void namesAreUniqueAndDeadLettersFollowTheRule() {
        List<TopicSpec> specs = Topic.allSpecs(CatalogProfile.PRODUCTION);
        assertEquals(specs.size(), specs.stream().map(TopicSpec::name).distinct().count());
        for (Topic t : Topic.values()) {
            Optional<String> dlq = t.deadLetterTopic();
            switch (t.kind()) {
                case PIPELINE -> assertEquals(Optional.of("security.errors.dlq"), dlq, t.name());
                case DOMAIN -> {
                    assertEquals(Optional.of(t.topicName() + ".dlq"), dlq, t.name());
                    TopicSpec spec = specs.stream().filter(s -> s.name().equals(dlq.get())).findFirst().orElseThrow();
                    assertEquals(Long.toString(Duration.ofDays(30).toMillis()), spec.configs().get("retention.ms"));
                }
                case DEAD_LETTER -> assertEquals(Optional.empty(), dlq);
            }
        }
    }

    @Test
    void productionFollowsTheTiersAndLocalScalesDown() {
        TopicSpec prod = Topic.NETWORK_THREATS.spec(CatalogProfile.PRODUCTION);
        assertEquals(48, prod.partitions());
        assertEquals(3, prod.replicationFactor());
        assertEquals(Map.of("retention.ms", "604800000", "cleanup.policy", "delete", "compression.type", "lz4",
                "min.insync.replicas", "2"), prod.configs());
        TopicSpec local = Topic.NETWORK_THREATS.spec(CatalogProfile.LOCAL);
        assertEquals(3, local.partitions());
        assertEquals(1, local.replicationFactor());
        assertEquals("1", local.configs().get("min.insync.replicas"));
        assertEquals("producer", local.configs().get("compression.type"), "one local broker keeps what producers send");
        TopicSpec audit = Topic.PLATFORM_AUDIT.spec(CatalogProfile.PRODUCTION);
        assertEquals("zstd", audit.configs().get("compression.type"));
        assertTrue(Duration.ofMillis(Long.parseLong(audit.configs().get("retention.ms"))).toDays() >= 7 * 365);
        for (TopicSpec s : Topic.allSpecs(CatalogProfile.LOCAL)) {
            assertTrue(s.partitions() >= 1 && s.replicationFactor() == 1, s.name());
        }
    }

    @Test
    void keyRulesFollowTheDomain() {
        Map<String, PartitionKeyRule> rules = java.util.Arrays.stream(Topic.values())
                .collect(Collectors.toMap(Topic::topicName, Topic::keyRule));
        assertEquals(PartitionKeyRule.ASSET_OR_SOURCE_IP, rules.get("network.threats"));
        assertEquals(PartitionKeyRule.USER_ID, rules.get("identity.authentication"));
        assertEquals(PartitionKeyRule.ASSET_ID, rules.get("application.vulnerabilities"));
        assertEquals(PartitionKeyRule.INCIDENT_ID, rules.get("alerts.lifecycle"));
        assertEquals(PartitionKeyRule.TENANT_ID, rules.get("platform.audit"));
    }

    @Test
    void keysArePrefixedByTenantAndFallBackInOrder() {
        EnvelopeFactory f = new EnvelopeFactory(new EventEnvelope.Source("t", "1", "t"));
        EventEnvelope withAsset = f.create(EventType.NETWORK_THREAT_DETECTED, new EventEnvelope.Tenant("acme", null),
                Json.parse("{\"assetId\":\"fw-1\",\"sourceIp\":\"10.0.0.1\"}"), null);
        EventEnvelope ipOnly = withAsset.withData(Json.parse("{\"sourceIp\":\"10.0.0.1\"}"));
        EventEnvelope neither = withAsset.withData(Json.parse("{\"signature\":\"x\"}"));
        assertEquals("acme/fw-1", PartitionKeyRule.ASSET_OR_SOURCE_IP.keyFor(withAsset));
        assertEquals("acme/10.0.0.1", PartitionKeyRule.ASSET_OR_SOURCE_IP.keyFor(ipOnly));
        assertEquals("acme/" + neither.eventId(), PartitionKeyRule.ASSET_OR_SOURCE_IP.keyFor(neither));
        assertEquals("acme", PartitionKeyRule.TENANT_ID.keyFor(neither));
    }
}
