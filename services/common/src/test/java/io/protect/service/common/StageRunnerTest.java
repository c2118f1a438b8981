package io.protect.service.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.protect.model.envelope.EnvelopeCodec;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.json.Json;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * The stage runner over a poll of real envelopes (encoded with the real codec and schemas). Faked:
 * the Kafka side — the poll is an in-memory message whose ack and nack are recorded, and the dead
 * letter topic is a list.
 */
class StageRunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final EnvelopeFactory FACTORY = new EnvelopeFactory(new EventEnvelope.Source("test", "1", "test-1"));

    private final List<DeadLetters.Failure> deadLettered = new CopyOnWriteArrayList<>();
    private final AtomicInteger acks = new AtomicInteger();
    private final List<Throwable> nacks = new CopyOnWriteArrayList<>();
    private boolean deadLetterTopicDown;

    private final DeadLetters deadLetters = new DeadLetters() {
        @Override
        public Uni<Void> send(Message<byte[]> original, Failure failure) {
            if (deadLetterTopicDown) {
                return Uni.createFrom().failure(new IllegalStateException("broker unavailable"));
            }
            deadLettered.add(failure);
            return Uni.createFrom().voidItem();
        }
    };
    private final StageRunner runner = new StageRunner(deadLetters, new StageMetrics(new SimpleMeterRegistry()));

    private static byte[] alert(String name) {
        EventEnvelope e = FACTORY.create(EventType.ALERT_RECEIVED, new EventEnvelope.Tenant("acme", null),
                Json.parse("{\"sourceFormat\":\"generic\",\"alert\":{\"name\":\"" + name + "\"}}"), null);
        return EnvelopeCodec.defaultCodec().encode(e);
    }

    private static String name(EventEnvelope e) {
        return e.data().path("alert").path("name").asText();
    }

    private Message<List<byte[]>> poll(byte[]... records) {
        return Message.of(List.of(records), () -> {
            acks.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }, e -> {
            nacks.add(e);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void everyRecordIsHandledInOrderAndThePollIsAcknowledgedOnce() {
        List<String> seen = new CopyOnWriteArrayList<>();
        runner.runBatch("t", poll(alert("a"), alert("b"), alert("c")), e -> {
            seen.add(name(e));
            return Uni.createFrom().voidItem();
        }).await().atMost(WAIT);
        assertEquals(List.of("a", "b", "c"), seen);
        assertEquals(1, acks.get());
        assertTrue(deadLettered.isEmpty());
    }

    @Test
    void undecodableAndPermanentlyFailingRecordsAreDeadLetteredAndTheRestHandled() {
        List<String> handled = new CopyOnWriteArrayList<>();
        byte[] garbage = "not an envelope".getBytes(StandardCharsets.UTF_8);
        runner.runBatch("t", poll(alert("a"), garbage, alert("bad"), alert("c")), e -> {
            if (name(e).equals("bad")) {
                throw new PermanentFailure("cannot handle " + name(e));
            }
            handled.add(name(e));
            return Uni.createFrom().voidItem();
        }).await().atMost(WAIT);
        assertEquals(List.of("a", "c"), handled);
        assertEquals(2, deadLettered.size());
        DeadLetters.Failure bad = deadLettered.stream().filter(f -> f.eventId() != null).findFirst().orElseThrow();
        assertEquals(1, bad.attempts(), "a permanent failure is not retried");
        assertEquals("acme", bad.tenantId());
        assertEquals(1, acks.get());
    }

    @Test
    void aTransientFailureIsRetriedThenDeadLettered() {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        runner.runBatch("t", poll(alert("flaky"), alert("down")), e -> {
            int n = attempts.computeIfAbsent(name(e), k -> new AtomicInteger()).incrementAndGet();
            if (name(e).equals("flaky") && n < 2 || name(e).equals("down")) {
                return Uni.createFrom().failure(new IllegalStateException("timeout"));
            }
            return Uni.createFrom().voidItem();
        }).await().atMost(WAIT);
        assertEquals(2, attempts.get("flaky").get());
        assertEquals(StageRunner.MAX_ATTEMPTS, attempts.get("down").get());
        assertEquals(1, deadLettered.size());
        assertEquals(StageRunner.MAX_ATTEMPTS, deadLettered.get(0).attempts());
        assertEquals(1, acks.get());
    }

    @Test
    void aPollWhoseDeadLetterCannotBeSentIsNackedNotAcknowledged() {
        deadLetterTopicDown = true;
        runner.runBatch("t", poll(alert("a"), alert("bad")), e -> name(e).equals("bad")
                ? Uni.createFrom().failure(new PermanentFailure("no")) : Uni.createFrom().voidItem())
                .await().atMost(WAIT);
        assertEquals(0, acks.get());
        assertEquals(1, nacks.size());
    }

    @Test
    void noMoreThanTheGivenNumberOfRecordsAreInFlight() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        byte[][] records = new byte[40][];
        for (int i = 0; i < records.length; i++) {
            records[i] = alert("r" + i);
        }
        runner.runBatch("t", poll(records), 4, e -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(5))
                    .onItem().invoke(inFlight::decrementAndGet);
        }).await().atMost(WAIT);
        assertEquals(4, most.get());
        assertEquals(1, acks.get());
    }

    @Test
    void aPollIsWrittenAtOnceAndARejectedRecordIsDeadLettered() {
        List<List<String>> writes = new CopyOnWriteArrayList<>();
        runner.<String>runBatchAll("t", poll(alert("a"), alert("reject"), alert("c")), e -> {
            if (name(e).equals("reject")) {
                throw new IllegalArgumentException("no OCSF class");
            }
            return name(e);
        }, rows -> {
            writes.add(List.copyOf(rows));
            return Uni.createFrom().voidItem();
        }, row -> Uni.createFrom().failure(new AssertionError("not called when the whole poll is written")))
                .await().atMost(WAIT);
        assertEquals(List.of(List.of("a", "c")), writes);
        assertEquals(1, deadLettered.size());
        assertEquals(1, deadLettered.get(0).attempts());
        assertEquals(1, acks.get());
    }

    @Test
    void whenThePollCannotBeWrittenEachRowIsWrittenAloneAndOnlyTheBadOneIsDeadLettered() {
        List<String> written = new CopyOnWriteArrayList<>();
        runner.<String>runBatchAll("t", poll(alert("a"), alert("bad-ip"), alert("c")), StageRunnerTest::name,
                rows -> Uni.createFrom().failure(new IllegalStateException("invalid input syntax for type inet")),
                row -> {
                    if (row.equals("bad-ip")) {
                        return Uni.createFrom().failure(new IllegalArgumentException("invalid inet"));
                    }
                    written.add(row);
                    return Uni.createFrom().voidItem();
                }).await().atMost(WAIT);
        assertEquals(List.of("a", "c"), written);
        assertEquals(1, deadLettered.size());
        assertNotNull(deadLettered.get(0).eventId());
        assertEquals(1, acks.get());
        assertEquals("t", deadLettered.get(0).stage());
    }

    @Test
    void anEmptyPollIsAcknowledged() {
        runner.runBatch("t", poll(), e -> Uni.createFrom().voidItem()).await().atMost(WAIT);
        runner.<String>runBatchAll("t", poll(), e -> "x", rows -> Uni.createFrom().voidItem(),
                row -> Uni.createFrom().voidItem()).await().atMost(WAIT);
        assertEquals(2, acks.get());
        assertEquals(new ArrayList<>(), new ArrayList<>(deadLettered));
    }
}
