package io.protect.enrich.messaging;

import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.kafka.EnvelopeDeserializer;
import io.protect.model.kafka.EnvelopeSerializer;
import io.protect.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain Kafka clients for the tests: produce what ingest would, read what enrich produced. */
final class KafkaTestClient {

    static final EnvelopeFactory INGEST = new EnvelopeFactory(new EventEnvelope.Source("ingest-test", "0.0.0", "test"));
    static final EventEnvelope.Tenant ACME = new EventEnvelope.Tenant("acme", "acme-corp");
    static final EventEnvelope.Tenant GLOBEX = new EventEnvelope.Tenant("globex", "globex-corp");

    private KafkaTestClient() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** An AlertReceived envelope for a sensor alert (JSON text), as ingest makes it. */
    static EventEnvelope received(EventEnvelope.Tenant tenant, String sourceFormat, String alertJson) {
        return received(tenant, sourceFormat, alertJson, null);
    }

    /** As above, with the source IP ingest found (it keys the record: one address, one partition). */
    static EventEnvelope received(EventEnvelope.Tenant tenant, String sourceFormat, String alertJson, String sourceIp) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("sourceFormat", sourceFormat);
        if (sourceIp != null) {
            payload.put("sourceIp", sourceIp);
        }
        payload.put("alert", Json.parse(alertJson));
        return INGEST.create(EventType.ALERT_RECEIVED, tenant, payload, null);
    }

    static void produce(Topic topic, EventEnvelope... envelopes) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(p, new StringSerializer(), new EnvelopeSerializer())) {
            for (EventEnvelope e : envelopes) {
                producer.send(new ProducerRecord<>(topic.topicName(), topic.keyRule().keyFor(e), e));
            }
            producer.flush();
        }
    }

    static void produceBytes(Topic topic, String key, byte[] value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic.topicName(), key, value));
            producer.flush();
        }
    }

    /** The envelopes on a topic with these event ids, waiting until all are there. */
    static Map<UUID, EventEnvelope> await(Topic topic, Set<UUID> ids, Duration timeout) {
        Map<UUID, EventEnvelope> found = new HashMap<>();
        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(),
                new EnvelopeDeserializer())) {
            consumer.subscribe(List.of(topic.topicName()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!found.keySet().containsAll(ids) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, EventEnvelope> r : consumer.poll(Duration.ofMillis(500))) {
                    if (ids.contains(r.value().eventId())) {
                        found.put(r.value().eventId(), r.value());
                    }
                }
            }
        }
        if (!found.keySet().containsAll(ids)) {
            throw new AssertionError("not all of " + ids + " arrived on " + topic.topicName() + ", only " + found.keySet());
        }
        return found;
    }

    /** The envelopes on a topic with these event ids, in the order the topic holds them (one key: one partition). */
    static List<EventEnvelope> awaitInOrder(Topic topic, Set<UUID> ids, Duration timeout) {
        List<EventEnvelope> found = new ArrayList<>();
        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(),
                new EnvelopeDeserializer())) {
            consumer.subscribe(List.of(topic.topicName()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < ids.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, EventEnvelope> r : consumer.poll(Duration.ofMillis(500))) {
                    if (ids.contains(r.value().eventId())) {
                        found.add(r.value());
                    }
                }
            }
        }
        return found;
    }

    /** The first raw record on a topic that the predicate accepts, waiting for it. */
    static ConsumerRecord<String, byte[]> awaitRaw(Topic topic, Predicate<ConsumerRecord<String, byte[]>> wanted,
            Duration timeout) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic.topicName()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.test(r)) {
                        return r;
                    }
                    seen.add(r.key());
                }
            }
        }
        throw new AssertionError("no wanted record on " + topic.topicName() + "; keys seen: " + seen);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Properties consumerProps() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "enrich-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return p;
    }
}
