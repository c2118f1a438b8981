package io.protect.model.catalog;

import java.util.Map;

/**
 * A topic as a broker or an operator must create it: name, partitions, replication and the
 * topic-level configs. Derived from the catalog, never written by hand.
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {
    public TopicSpec {
        configs = Map.copyOf(configs);
    }
}
