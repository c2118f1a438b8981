package io.protect.tools.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.catalog.CatalogProfile;
import io.protect.model.catalog.Topic;
import io.protect.model.catalog.TopicSpec;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.events.UserAuthenticationSucceeded;
import io.protect.model.kafka.EnvelopeDeserializer;
import io.protect.model.kafka.EnvelopeSerializer;
import io.protect.model.schema.SchemaValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real: the Kafka broker of the shared local infrastructure, plain Kafka clients, the envelope
 * serdes. Faked: nothing. Checks the broker carries exactly what the catalog says.
 */
class CatalogTopicsTest {

    private static String bootstrap;

    @BeforeAll
    static void infra() {
        bootstrap = SharedLocalInfra.get().kafkaBootstrapServers();
    }

    @Test
    void everyCatalogTopicExistsWithItsPartitionsAndConfigs() throws Exception {
        List<TopicSpec> specs = Topic.allSpecs(CatalogProfile.LOCAL);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> names = specs.stream().map(TopicSpec::name).collect(Collectors.toSet());
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            for (TopicSpec spec : specs) {
                assertEquals(spec.partitions(), described.get(spec.name()).partitions().size(), spec.name());
            }
            Collection<ConfigResource> resources = specs.stream()
                    .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
            for (TopicSpec spec : specs) {
                Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
                spec.configs().forEach((key, value) ->
                        assertEquals(value, actual.get(key).value(), spec.name() + " " + key));
            }
        }
        assertTrue(specs.stream().anyMatch(s -> s.name().equals("identity.authentication.dlq")));
    }

    @Test
    void envelopesRoundTripWithTheirCatalogKeyAndInvalidBytesAreRejectedOnConsume() {
        String topic = Topic.IDENTITY_AUTHENTICATION.topicName();
        EnvelopeFactory factory = new EnvelopeFactory(new EventEnvelope.Source("devservices-test", "0.1.0", "t"));
        EventEnvelope sent = factory.create(EventType.USER_AUTHENTICATION_SUCCEEDED,
                new EventEnvelope.Tenant("globex", "globex-emea"),
                new UserAuthenticationSucceeded("u-42", "alice", "203.0.113.9", "mfa", true, "okta"), null);
        String key = Topic.IDENTITY_AUTHENTICATION.keyRule().keyFor(sent);
        assertEquals("globex/u-42", key);

        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(producerConfig(),
                new StringSerializer(), new EnvelopeSerializer());
                KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerConfig(),
                        new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, sent)).get();
            // Bytes that bypass the serializer: valid JSON, but not a valid envelope.
            raw.send(new ProducerRecord<>(topic, "globex/u-42",
                    "{\"eventType\":\"UserAuthenticationSucceeded\"}".getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "catalog-topics-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new EnvelopeDeserializer())) {
            TopicPartition partition = partitionOf(consumer, topic, sent);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            EventEnvelope received = null;
            RecordDeserializationException rejected = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((received == null || rejected == null) && System.nanoTime() < deadline) {
                try {
                    for (ConsumerRecord<String, EventEnvelope> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value().eventId().equals(sent.eventId())) {
                            received = record.value();
                            assertEquals(key, record.key());
                        }
                    }
                } catch (RecordDeserializationException e) {
                    rejected = e;
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
            assertEquals(sent, received);
            SchemaValidationException cause = assertInstanceOf(SchemaValidationException.class,
                    rejected.getCause().getCause());
            assertTrue(cause.violations().stream().anyMatch(v -> v.contains("eventId")), cause.violations().toString());
        }
    }

    @Test
    void anInvalidEnvelopeIsRefusedByTheSerializerAndNothingIsProduced() throws Exception {
        String topic = Topic.IDENTITY_AUTHENTICATION.topicName();
        EnvelopeFactory factory = new EnvelopeFactory(new EventEnvelope.Source("devservices-test", "0.1.0", "t"));
        EventEnvelope valid = factory.create(EventType.USER_AUTHENTICATION_SUCCEEDED,
                new EventEnvelope.Tenant("acme", null),
                new UserAuthenticationSucceeded("u-7", null, null, "password", false, null), null);
        ObjectNode data = valid.data().deepCopy();
        data.put("authMethod", "telepathy");
        EventEnvelope invalid = valid.withData(data);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
                KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(producerConfig(),
                        new StringSerializer(), new EnvelopeSerializer())) {
            long before = totalEndOffset(admin, topic);
            SerializationException refused = assertThrows(SerializationException.class,
                    () -> producer.send(new ProducerRecord<>(topic, "acme/u-7", invalid)));
            SchemaValidationException cause = assertInstanceOf(SchemaValidationException.class, refused.getCause());
            assertEquals(1, cause.violations().size(), cause.violations().toString());
            assertTrue(cause.violations().get(0).startsWith("/data/authMethod: "), cause.violations().toString());
            producer.flush();
            assertEquals(before, totalEndOffset(admin, topic));
        }
    }

    @Test
    void aTopicOutsideTheCatalogIsNotAutoCreated() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000"), new StringSerializer(), new StringSerializer())) {
            Exception e = assertThrows(Exception.class,
                    () -> producer.send(new ProducerRecord<>("security.alerts.typo", "k", "v")).get());
            assertTrue(String.valueOf(e.getMessage()).contains("security.alerts.typo"), e.getMessage());
        }
    }

    private static long totalEndOffset(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }

    private static TopicPartition partitionOf(KafkaConsumer<?, ?> consumer, String topic, EventEnvelope sent) {
        int partitions = consumer.partitionsFor(topic).size();
        String key = Topic.IDENTITY_AUTHENTICATION.keyRule().keyFor(sent);
        // The default partitioner: murmur2 of the key bytes, positive, modulo partitions.
        int p = org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
        return new TopicPartition(topic, p);
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    }
}
