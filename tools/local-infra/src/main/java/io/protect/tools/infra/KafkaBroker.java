package io.protect.tools.infra;

import io.protect.model.catalog.CatalogProfile;
import io.protect.model.catalog.Topic;
import io.protect.model.catalog.TopicSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Apache Kafka in KRaft mode (one process is broker and controller), formatted as a
 * standalone controller quorum exactly as {@code kafka-storage.sh format --standalone} does.
 */
final class KafkaBroker {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaBroker start(Path dir, int port, int controllerPort) throws IOException {
        Path logDir = dir.resolve("data");
        deleteRecursively(logDir);
        Files.createDirectories(logDir);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // One broker: internal topics cannot have more than one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // Consumers in tests join at once instead of waiting for more members.
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics come from the catalog only: a typo in a channel's topic fails instead of
        // silently creating a one-partition topic with default settings.
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        Path config = dir.resolve("server.properties");
        try (var writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(writer, "Protect local broker (generated at each start)");
        }

        ByteArrayOutputStream formatOut = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "--config", config.toString(),
                "--cluster-id", Uuid.randomUuid().toString(), "--standalone", "--ignore-formatted"},
                new PrintStream(formatOut, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("kafka storage format failed: " + formatOut.toString(StandardCharsets.UTF_8));
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return new KafkaBroker(server, "localhost:" + port);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates every topic of the catalog under a profile; topics that exist are left as they are. */
    int createTopics(CatalogProfile profile) {
        List<TopicSpec> specs = Topic.allSpecs(profile);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000"))) {
            List<NewTopic> topics = new ArrayList<>();
            for (TopicSpec spec : specs) {
                topics.add(new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs()));
            }
            var result = admin.createTopics(topics);
            for (var entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause(), e);
                    }
                }
            }
            Set<String> present = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            for (TopicSpec spec : specs) {
                if (!present.contains(spec.name())) {
                    throw new IllegalStateException("topic " + spec.name() + " was not created");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot list topics on " + bootstrapServers, e);
        }
        return specs.size();
    }

    void stop() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
