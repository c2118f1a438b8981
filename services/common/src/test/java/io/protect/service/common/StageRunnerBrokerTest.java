package io.protect.service.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.Event;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.AlertReceived;
import io.protect.model.events.EventType;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.messaging.Channel;
import io.protect.model.messaging.RecordHeaders;
import io.protect.model.wire.EventCodec;
import io.protect.model.wire.RawJson;
import io.protect.tools.devservices.SharedLocalInfra;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stage runner against a real Kafka broker: polls from a real consumer (committed only up to
 * the polls the runner acknowledged), outputs and dead letters through a real idempotent producer
 * with the pipeline's settings, read back from the broker. Real: Kafka (the local KRaft broker),
 * the codec, the runner. Faked: nothing; the stage logic is a small test stage.
 */
class StageRunnerBrokerTest {

    private static final EnvelopeFactory FACTORY = new EnvelopeFactory(new EventEnvelope.Source("test", "1", "broker-test"));
    private static String bootstrap;
    private static KafkaProducer<String, byte[]> producer;
    private static RecordSender sender;

    @BeforeAll
    static void broker() {
        bootstrap = SharedLocalInfra.get().kafkaBootstrapServers();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        // What Producers does with a channel's producer, minus the hop to its sending thread.
        sender = (outputs, done) -> {
            for (int i = 0; i < outputs.size(); i++) {
                int at = i;
                try {
                    producer.send(outputs.get(i).record(), (m, e) -> done.completed(at, e));
                } catch (RuntimeException e) {
                    done.completed(at, e);
                }
            }
        };
    }

    @AfterAll
    static void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private final StageRunner runner = new StageRunner(sender, new DeadLetters(sender),
            new StageMetrics(new SimpleMeterRegistry()), new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(200)),
            4, false);

    /** Alerts of several keys, the sequence number of each within its key in the alert. */
    private static List<Event<AlertReceived>> alerts(String tenant, int keys, int perKey) {
        List<Event<AlertReceived>> out = new ArrayList<>();
        for (int n = 0; n < perKey; n++) {
            for (int k = 0; k < keys; k++) {
                String ip = "10.0.0." + k;
                out.add(FACTORY.createEvent(EventType.ALERT_RECEIVED, new EventEnvelope.Tenant(tenant, null),
                        new AlertReceived(SourceFormat.GENERIC, null, ip,
                                RawJson.of(Json.parse("{\"src_ip\":\"" + ip + "\",\"seq\":" + n + "}"))), null));
            }
        }
        return out;
    }

    private static String newTopic(int partitions) throws Exception {
        String name = "runner-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return name;
    }

    private static void produce(String topic, List<Event<AlertReceived>> events) throws Exception {
        for (Event<AlertReceived> e : events) {
            producer.send(new ProducerRecord<>(topic, Topic.SECURITY_ALERTS_RAW.keyRule().keyFor(e),
                    EventCodec.encode(e, AlertReceived.CODEC))).get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Consumes {@code topic} in group {@code group} through the runner until {@code maxPolls} polls were
     * handed to it, or the records of the acknowledged polls reach {@code records}, or the time is up.
     * Offsets are committed only up to the last poll acknowledged with all the polls before it, and
     * not at all without {@code commit} (a process that dies before its first commit). Returns the
     * number of polls.
     */
    private int consume(String topic, String group, StageRunner.Stage<AlertReceived> stage, Duration max, int records,
            int maxPolls, boolean commit) {
        java.util.concurrent.atomic.AtomicInteger acked = new java.util.concurrent.atomic.AtomicInteger();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        int polls = 0;
        record Pending(Map<TopicPartition, OffsetAndMetadata> offsets, CompletableFuture<Void> acked) {
        }
        ConcurrentLinkedDeque<Pending> pending = new ConcurrentLinkedDeque<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + max.toNanos();
            while (acked.get() < records && (maxPolls == 0 || polls < maxPolls) && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(100));
                if (!polled.isEmpty()) {
                    polls++;
                    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                    for (TopicPartition tp : polled.partitions()) {
                        List<ConsumerRecord<String, byte[]>> r = polled.records(tp);
                        offsets.put(tp, new OffsetAndMetadata(r.get(r.size() - 1).offset() + 1));
                    }
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    pending.add(new Pending(offsets, done));
                    int count = polled.count();
                    runner.run(stage, Message.of(polled, () -> {
                        acked.addAndGet(count);
                        done.complete(null);
                        return CompletableFuture.completedFuture(null);
                    }, e -> {
                        done.completeExceptionally(e);
                        return CompletableFuture.completedFuture(null);
                    })).await().atMost(Duration.ofSeconds(30));
                }
                while (commit && !pending.isEmpty() && pending.peekFirst().acked().isDone()) {
                    consumer.commitSync(pending.pollFirst().offsets());
                }
            }
            // Let the last acknowledgements arrive before the consumer goes (as a clean shutdown would).
            long wait = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (commit && !pending.isEmpty() && System.nanoTime() < wait) {
                if (pending.peekFirst().acked().isDone()) {
                    consumer.commitSync(pending.pollFirst().offsets());
                }
            }
        }
        return polls;
    }

    /** What reached a catalog topic for a tenant: the alerts' (key, seq) in the order of each partition. */
    private static List<ConsumerRecord<String, byte[]>> read(Topic topic, String tenant, int atLeast, Duration max) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.topicName()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + max.toNanos();
            while (out.size() < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && r.key().startsWith(tenant + "/")) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    private static Event<AlertReceived> decode(ConsumerRecord<String, byte[]> r) {
        return EventCodec.decode(r.value(), AlertReceived.CODEC, EventCodec.Validation.TYPE);
    }

    @Test
    void orderPerKeyHoldsThroughAnAsynchronousStageWithRetriesAcrossManyPolls() throws Exception {
        String tenant = "order-" + UUID.randomUUID();
        String in = newTopic(3);
        List<Event<AlertReceived>> sent = alerts(tenant, 5, 80);
        produce(in, sent);
        Map<String, Integer> failedOnce = new ConcurrentHashMap<>();
        // Asynchronous like enrich on a cache miss: each poll's answer comes later, on another thread,
        // after a random wait; and every 23rd alert fails once, so its poll waits for its retry.
        StageRunner.Stage<AlertReceived> stage = runner.stage("order", AlertReceived.CODEC, events -> {
            List<Outcome> out = new ArrayList<>();
            for (Event<AlertReceived> e : events) {
                int seq = e.payload().alert().tree().path("seq").asInt();
                String id = e.eventId().toString();
                if (seq % 23 == 0 && failedOnce.putIfAbsent(id, 1) == null) {
                    out.add(Outcome.failed(new IllegalStateException("context database busy")));
                } else {
                    Event<AlertReceived> next = FACTORY.advance(e, EventType.ALERT_RECEIVED, e.payload());
                    out.add(Outcome.produce(Output.to(Channel.ALERTS_ENHANCED_OUT, Topic.SECURITY_ALERTS_ENHANCED, next,
                            AlertReceived.CODEC)));
                }
            }
            return Uni.createFrom().item(out).onItem().delayIt().by(Duration.ofMillis(1 + ThreadLocalRandom.current().nextInt(20)));
        });
        List<ConsumerRecord<String, byte[]>> outputs = new ArrayList<>();
        int polls = consume(in, "order-" + UUID.randomUUID(), stage, Duration.ofSeconds(60), sent.size(), 0, true);
        outputs.addAll(read(Topic.SECURITY_ALERTS_ENHANCED, tenant, sent.size(), Duration.ofSeconds(30)));

        assertTrue(polls > 1, "one poll only: the test would not show order across polls");
        List<ConsumerRecord<String, byte[]>> dead = read(Topic.SECURITY_ERRORS_DLQ, tenant, Integer.MAX_VALUE, Duration.ofSeconds(3));
        assertEquals(List.of(), dead.stream().map(r -> header(r, RecordHeaders.DLQ_ERROR)).toList(), "dead letters");
        assertEquals(sent.size(), outputs.size(), "every alert once");
        Map<String, Integer> last = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : outputs) {
            int seq = decode(r).payload().alert().tree().path("seq").asInt();
            Integer previous = last.put(r.key(), seq);
            assertEquals(previous == null ? 0 : previous + 1, seq, "out of order for key " + r.key());
        }
        assertEquals(5, last.size());
        assertTrue(failedOnce.size() >= 5, "the retries did not happen");
    }

    @Test
    void nothingIsLostWhenAStageStopsBeforeItsPollsAreCommitted() throws Exception {
        String tenant = "crash-" + UUID.randomUUID();
        String in = newTopic(1);
        List<Event<AlertReceived>> sent = alerts(tenant, 2, 60);
        produce(in, sent);
        String group = "crash-" + UUID.randomUUID();
        StageRunner.Stage<AlertReceived> echo = runner.stage("crash", AlertReceived.CODEC, PollHandler.eachRecord(e ->
                Outcome.produce(Output.to(Channel.ALERTS_ENHANCED_OUT, Topic.SECURITY_ALERTS_ENHANCED, e, AlertReceived.CODEC))));
        // First run: one poll processed and produced, nothing committed (the process dies).
        consume(in, group, echo, Duration.ofSeconds(30), sent.size(), 1, false);
        int before = read(Topic.SECURITY_ALERTS_ENHANCED, tenant, 1, Duration.ofSeconds(10)).size();
        assertTrue(before > 0 && before < sent.size(), "the first run should have produced part: " + before);
        // Second run, same group: starts again from the last commit (none) and finishes.
        consume(in, group, echo, Duration.ofSeconds(60), sent.size(), 0, true);
        List<ConsumerRecord<String, byte[]>> outputs = read(Topic.SECURITY_ALERTS_ENHANCED, tenant, sent.size() + before,
                Duration.ofSeconds(30));
        Set<UUID> ids = new java.util.HashSet<>();
        outputs.forEach(r -> ids.add(decode(r).eventId()));
        Set<UUID> expected = new java.util.HashSet<>();
        sent.forEach(e -> expected.add(e.eventId()));
        assertEquals(expected, ids, "at least once: every alert is there (some twice, as redelivered)");
        assertEquals(sent.size() + before, outputs.size());
    }

    @Test
    void anOutputTheBrokerRefusesDeadLettersItsRecordAndTheRestFlow() throws Exception {
        String tenant = "large-" + UUID.randomUUID();
        String in = newTopic(1);
        List<Event<AlertReceived>> sent = alerts(tenant, 1, 5);
        produce(in, sent);
        UUID huge = sent.get(2).eventId();
        // The third alert's output is 1.5 MB: more than the producer may send in one request.
        StageRunner.Stage<AlertReceived> stage = runner.stage("large", AlertReceived.CODEC, PollHandler.eachRecord(e -> {
            AlertReceived payload = e.payload();
            if (e.eventId().equals(huge)) {
                payload = new AlertReceived(SourceFormat.GENERIC, null, payload.sourceIp(),
                        RawJson.of(Json.MAPPER.createObjectNode().put("padding", "x".repeat(1_500_000))));
            }
            return Outcome.produce(Output.to(Channel.ALERTS_ENHANCED_OUT, Topic.SECURITY_ALERTS_ENHANCED,
                    FACTORY.advance(e, EventType.ALERT_RECEIVED, payload), AlertReceived.CODEC));
        }));
        consume(in, "large-" + UUID.randomUUID(), stage, Duration.ofSeconds(30), sent.size(), 0, true);
        assertEquals(4, read(Topic.SECURITY_ALERTS_ENHANCED, tenant, 4, Duration.ofSeconds(10)).size());
        ConsumerRecord<String, byte[]> dead = read(Topic.SECURITY_ERRORS_DLQ, tenant, 1, Duration.ofSeconds(10)).get(0);
        assertEquals(huge.toString(), header(dead, RecordHeaders.DLQ_EVENT_ID));
        assertEquals("large", header(dead, RecordHeaders.DLQ_STAGE));
        assertTrue(header(dead, RecordHeaders.DLQ_ERROR).contains("1.5") || header(dead, RecordHeaders.DLQ_ERROR)
                .contains("bytes"), header(dead, RecordHeaders.DLQ_ERROR));
        assertEquals(in, header(dead, RecordHeaders.DLQ_ORIGINAL_TOPIC));
        // The dead letter is the original record, unchanged.
        assertEquals(huge, decode(dead).eventId());
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
