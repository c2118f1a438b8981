package io.protect.model.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topic catalog: every Kafka topic of the design, with its tier, partition-key rule and dead
 * letter topic. This enum is the single source of truth; local topic creation, Kubernetes
 * KafkaTopic manifests and channel configuration are all derived from it.
 */
public enum Topic {
    // The alert pipeline, stage by stage. One event keeps its key from stage to stage, so an
    // asset's alerts stay in order through the whole pipeline.
    SECURITY_ALERTS_RAW("security.alerts.raw", Kind.PIPELINE, Tier.HIGH_VOLUME, PartitionKeyRule.ASSET_OR_SOURCE_IP),
    SECURITY_ALERTS_ENHANCED("security.alerts.enhanced", Kind.PIPELINE, Tier.HIGH_VOLUME, PartitionKeyRule.ASSET_OR_SOURCE_IP),
    SECURITY_ALERTS_OCSF_READY("security.alerts.ocsf.ready", Kind.PIPELINE, Tier.HIGH_VOLUME, PartitionKeyRule.ASSET_OR_SOURCE_IP),
    SECURITY_ML_PREDICTIONS("security.ml.predictions", Kind.PIPELINE, Tier.HIGH_VOLUME, PartitionKeyRule.ASSET_OR_SOURCE_IP),
    SECURITY_NOTIFICATIONS("security.notifications", Kind.PIPELINE, Tier.STANDARD, PartitionKeyRule.EVENT_ID),
    /** Where every pipeline stage dead-letters what it cannot process. */
    SECURITY_ERRORS_DLQ("security.errors.dlq", Kind.DEAD_LETTER, Tier.STANDARD, PartitionKeyRule.EVENT_ID),

    // Domain taxonomy: what normalized events are about.
    NETWORK_THREATS("network.threats", Kind.DOMAIN, Tier.HIGH_VOLUME, PartitionKeyRule.ASSET_OR_SOURCE_IP),
    NETWORK_FLOWS("network.flows", Kind.DOMAIN, Tier.HIGH_VOLUME, PartitionKeyRule.ASSET_OR_SOURCE_IP),
    NETWORK_DNS("network.dns", Kind.DOMAIN, Tier.HIGH_VOLUME, PartitionKeyRule.ASSET_OR_SOURCE_IP),
    NETWORK_HTTP("network.http", Kind.DOMAIN, Tier.HIGH_VOLUME, PartitionKeyRule.ASSET_OR_SOURCE_IP),
    APPLICATION_API_ACTIVITY("application.api-activity", Kind.DOMAIN, Tier.STANDARD, PartitionKeyRule.USER_ID),
    APPLICATION_VULNERABILITIES("application.vulnerabilities", Kind.DOMAIN, Tier.STANDARD, PartitionKeyRule.ASSET_ID),
    DATA_FILE_ACTIVITY("data.file-activity", Kind.DOMAIN, Tier.STANDARD, PartitionKeyRule.ASSET_ID),
    DATA_ACCESS("data.access", Kind.DOMAIN, Tier.STANDARD, PartitionKeyRule.USER_ID),
    IDENTITY_AUTHENTICATION("identity.authentication", Kind.DOMAIN, Tier.HIGH_VOLUME, PartitionKeyRule.USER_ID),
    IDENTITY_ACCOUNT_CHANGES("identity.account-changes", Kind.DOMAIN, Tier.STANDARD, PartitionKeyRule.USER_ID),
    MONITORING_SYSTEM_ACTIVITY("monitoring.system-activity", Kind.DOMAIN, Tier.HIGH_VOLUME, PartitionKeyRule.ASSET_ID),
    MONITORING_METRICS("monitoring.metrics", Kind.DOMAIN, Tier.STANDARD, PartitionKeyRule.EVENT_ID),
    PLATFORM_AUDIT("platform.audit", Kind.DOMAIN, Tier.AUDIT_COMPLIANCE, PartitionKeyRule.TENANT_ID),
    PLATFORM_CONFIG_CHANGES("platform.config-changes", Kind.DOMAIN, Tier.AUDIT_COMPLIANCE, PartitionKeyRule.TENANT_ID),
    TENANT_LIFECYCLE("tenant.lifecycle", Kind.DOMAIN, Tier.AUDIT_COMPLIANCE, PartitionKeyRule.TENANT_ID),
    ALERTS_LIFECYCLE("alerts.lifecycle", Kind.DOMAIN, Tier.STANDARD, PartitionKeyRule.INCIDENT_ID),
    ALERTS_CORRELATED("alerts.correlated", Kind.DOMAIN, Tier.STANDARD, PartitionKeyRule.INCIDENT_ID),
    /** The event-sourced incident log: kept as long as audit records, keyed so an incident replays in order. */
    INCIDENTS_EVENTS("incidents.events", Kind.DOMAIN, Tier.AUDIT_COMPLIANCE, PartitionKeyRule.INCIDENT_ID);

    /** What a topic is for; it decides where its failures are dead-lettered. */
    public enum Kind {
        /** A stage of the alert pipeline; failures go to {@link #SECURITY_ERRORS_DLQ}. */
        PIPELINE,
        /** A domain event stream; failures go to its own {@code <topic>.dlq}. */
        DOMAIN,
        /** A dead letter topic. */
        DEAD_LETTER
    }

    /** Dead letter topics keep records this long, whatever the tier of the topic they serve. */
    public static final Duration DLQ_RETENTION = Duration.ofDays(30);
    /** Suffix of a domain topic's own dead letter topic. */
    public static final String DLQ_SUFFIX = ".dlq";
    /** Production partitions of a dead letter topic (scaled by the profile like any other). */
    static final int DLQ_PARTITIONS = 3;

    private final String topicName;
    private final Kind kind;
    private final Tier tier;
    private final PartitionKeyRule keyRule;

    Topic(String topicName, Kind kind, Tier tier, PartitionKeyRule keyRule) {
        this.topicName = topicName;
        this.kind = kind;
        this.tier = tier;
        this.keyRule = keyRule;
    }

    /** The Kafka topic name. */
    public String topicName() {
        return topicName;
    }

    public Kind kind() {
        return kind;
    }

    public Tier tier() {
        return tier;
    }

    public PartitionKeyRule keyRule() {
        return keyRule;
    }

    /** The topic this topic's failures are dead-lettered to; empty for a dead letter topic itself. */
    public Optional<String> deadLetterTopic() {
        return switch (kind) {
            case PIPELINE -> Optional.of(SECURITY_ERRORS_DLQ.topicName);
            case DOMAIN -> Optional.of(topicName + DLQ_SUFFIX);
            case DEAD_LETTER -> Optional.empty();
        };
    }

    /** This topic as it must be created under a profile. */
    public TopicSpec spec(CatalogProfile profile) {
        if (kind == Kind.DEAD_LETTER) {
            return deadLetterSpec(topicName, tier, profile);
        }
        return new TopicSpec(topicName, profile.partitions(tier.partitions()),
                profile.replicationFactor(tier.replicationFactor()),
                configs(tier, tier.retention(), profile));
    }

    /** Looks a topic up by its Kafka name. */
    public static Optional<Topic> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(name)).findFirst();
    }

    /**
     * Every topic to create under a profile: the catalog's topics and the dead letter topic of each
     * domain topic, in catalog order.
     */
    public static List<TopicSpec> allSpecs(CatalogProfile profile) {
        List<TopicSpec> specs = new ArrayList<>();
        for (Topic topic : values()) {
            specs.add(topic.spec(profile));
            if (topic.kind == Kind.DOMAIN) {
                specs.add(deadLetterSpec(topic.topicName + DLQ_SUFFIX, topic.tier, profile));
            }
        }
        return List.copyOf(specs);
    }

    private static TopicSpec deadLetterSpec(String name, Tier servedTier, CatalogProfile profile) {
        return new TopicSpec(name, profile.partitions(DLQ_PARTITIONS),
                profile.replicationFactor(servedTier.replicationFactor()),
                configs(servedTier, DLQ_RETENTION, profile));
    }

    private static Map<String, String> configs(Tier tier, Duration retention, CatalogProfile profile) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("retention.ms", Long.toString(retention.toMillis()));
        configs.put("cleanup.policy", tier.cleanupPolicy());
        // One local broker on loopback keeps the batches as producers compress them (or not): the
        // tier's compression saves network and disk on a cluster, not on one machine.
        configs.put("compression.type", profile == CatalogProfile.LOCAL ? "producer" : tier.compression());
        configs.put("min.insync.replicas", Integer.toString(profile.minInSyncReplicas(tier.minInSyncReplicas())));
        return configs;
    }
}
