package io.protect.tools.launcher.bench;

import io.protect.model.catalog.Topic;
import io.protect.model.catalog.TopicSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the benchmark asks the broker: consumer lag per group (committed offsets against end
 * offsets), records in the dead-letter topics, and the creation of the bench-only topic.
 */
final class KafkaWatch implements AutoCloseable {

    private final Admin admin;
    private final Map<String, List<TopicPartition>> partitions = new ConcurrentHashMap<>();

    KafkaWatch(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    /** Every dead-letter topic of the catalog: security.errors.dlq and each domain topic's own. */
    static Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        for (Topic t : Topic.values()) {
            t.deadLetterTopic().ifPresent(topics::add);
        }
        return topics;
    }

    /**
     * Creates {@code name} as a copy of a catalog topic's spec (partitions, replication, configs), so
     * that the baseline writes to a topic shaped like the one it stands for.
     */
    void createLike(String name, TopicSpec spec) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, spec.partitions(), spec.replicationFactor()).configs(spec.configs())))
                .all().get(30, TimeUnit.SECONDS);
    }

    /** The consumer groups the broker knows. */
    Set<String> groups() throws Exception {
        Set<String> out = new TreeSet<>();
        for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS)) {
            out.add(g.groupId());
        }
        return out;
    }

    /**
     * Lag of each group: over every partition of the topics it has committed offsets on, end offset
     * minus committed offset (a partition without a commit counts from 0: the broker is fresh).
     */
    Map<String, Long> lag(Collection<String> groups) throws Exception {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new LinkedHashMap<>();
        Set<String> topics = new TreeSet<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            committed.put(group, offsets);
            offsets.keySet().forEach(tp -> topics.add(tp.topic()));
        }
        Map<TopicPartition, Long> ends = endOffsets(topics);
        Map<String, Long> lag = new LinkedHashMap<>();
        committed.forEach((group, offsets) -> {
            Set<String> own = new TreeSet<>();
            offsets.keySet().forEach(tp -> own.add(tp.topic()));
            long sum = 0;
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                if (own.contains(e.getKey().topic())) {
                    OffsetAndMetadata c = offsets.get(e.getKey());
                    sum += Math.max(0, e.getValue() - (c == null ? 0 : c.offset()));
                }
            }
            lag.put(group, sum);
        });
        return lag;
    }

    /** Records in the given topics (sum of end offsets; the broker is fresh and nothing is deleted). */
    long records(Collection<String> topics) throws Exception {
        return endOffsets(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<TopicPartition, Long> endOffsets(Collection<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String topic : topics) {
            for (TopicPartition tp : partitionsOf(topic)) {
                request.put(tp, OffsetSpec.latest());
            }
        }
        Map<TopicPartition, Long> out = new HashMap<>();
        if (request.isEmpty()) {
            return out;
        }
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                : admin.listOffsets(request).all().get(15, TimeUnit.SECONDS).entrySet()) {
            out.put(e.getKey(), e.getValue().offset());
        }
        return out;
    }

    private List<TopicPartition> partitionsOf(String topic) throws Exception {
        List<TopicPartition> known = partitions.get(topic);
        if (known != null) {
            return known;
        }
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS).get(topic);
        List<TopicPartition> list = new ArrayList<>();
        d.partitions().forEach(p -> list.add(new TopicPartition(topic, p.partition())));
        partitions.put(topic, List.copyOf(list));
        return list;
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
