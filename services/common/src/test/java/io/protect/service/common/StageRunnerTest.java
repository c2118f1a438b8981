package io.protect.service.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * The stage runner over polls of real records (real envelopes, encoded with the real codec).
 * Faked: the Kafka side: the poll is an in-memory message whose ack and nack are recorded, and the
 * producers are a sender that records what it is handed and answers as each test tells it. The
 * same behaviour against a real broker: {@code StageRunnerBrokerTest}.
 */
class StageRunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOPIC = Channel.ALERTS_RAW_IN.topic().topicName();
    private static final EnvelopeFactory FACTORY = new EnvelopeFactory(new EventEnvelope.Source("test", "1", "test-1"));
    private static final EventEnvelope.Tenant ACME = new EventEnvelope.Tenant("acme", null);

    /** What the fake producers were handed, in order, and how they answer. */
    private final List<Output> sent = new CopyOnWriteArrayList<>();
    private final Map<String, Exception> refuse = new HashMap<>();
    private volatile boolean deadLetterTopicDown;
    private final RecordSender sender = (outputs, done) -> {
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i);
            if (o.channel() == Channel.DEAD_LETTERS_OUT && deadLetterTopicDown) {
                done.completed(i, new IllegalStateException("broker unavailable"));
                continue;
            }
            sent.add(o);
            Exception error = o.channel() == Channel.DEAD_LETTERS_OUT ? null : refuse.get(name(o));
            done.completed(i, error);
        }
    };
    private final AtomicInteger acks = new AtomicInteger();
    private final List<Throwable> nacks = new CopyOnWriteArrayList<>();
    private final StageRunner runner = new StageRunner(sender, new DeadLetters(sender),
            new StageMetrics(new SimpleMeterRegistry()), new RetryPolicy(3, Duration.ofMillis(40), Duration.ofMillis(400)),
            2, false);

    private static byte[] alert(String name) {
        Event<AlertReceived> e = FACTORY.createEvent(EventType.ALERT_RECEIVED, ACME, new AlertReceived(SourceFormat.GENERIC,
                null, null, RawJson.of(Json.parse("{\"name\":\"" + name + "\"}"))), null);
        return EventCodec.encode(e, AlertReceived.CODEC);
    }

    private static String name(Event<AlertReceived> e) {
        return e.payload().alert().tree().path("name").asText();
    }

    /** The alert name an output carries (outputs are AlertReceived events too, re-sent). */
    private static String name(Output o) {
        if (o.channel() == Channel.DEAD_LETTERS_OUT) {
            return "dlq:" + new String(o.record().value(), StandardCharsets.UTF_8);
        }
        return name(EventCodec.decode(o.record().value(), AlertReceived.CODEC, EventCodec.Validation.TYPE));
    }

    private Message<ConsumerRecords<String, byte[]>> poll(byte[]... values) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>(TOPIC, 0, 100 + i, "acme/key", values[i]));
        }
        ConsumerRecords<String, byte[]> polled = new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 0), records), Map.of());
        return Message.of(polled, () -> {
            acks.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }, e -> {
            nacks.add(e);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** A stage that sends each alert on to ALERTS_ENHANCED_OUT unchanged, after {@code logic}. */
    private StageRunner.Stage<AlertReceived> echo(PollHandler.RecordHandler<AlertReceived> logic) {
        return runner.stage("t", AlertReceived.CODEC, PollHandler.eachRecord(e -> {
            Outcome o = logic.handle(e);
            return o != null ? o : Outcome.produce(Output.of(Channel.ALERTS_ENHANCED_OUT, e, AlertReceived.CODEC));
        }));
    }

    private List<String> outputs() {
        return sent.stream().filter(o -> o.channel() != Channel.DEAD_LETTERS_OUT).map(StageRunnerTest::name).toList();
    }

    private List<Output> deadLetters() {
        return sent.stream().filter(o -> o.channel() == Channel.DEAD_LETTERS_OUT).toList();
    }

    private static String header(Output o, String name) {
        var h = o.record().headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private void awaitAcks(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (acks.get() + nacks.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void aPollIsHandledInOneCallInOrderItsOutputsSentInOrderAndItIsAcknowledgedOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        StageRunner.Stage<AlertReceived> stage = runner.stage("t", AlertReceived.CODEC, events -> {
            calls.incrementAndGet();
            List<Outcome> out = new ArrayList<>();
            for (Event<AlertReceived> e : events) {
                out.add(Outcome.produce(Output.of(Channel.ALERTS_ENHANCED_OUT, e, AlertReceived.CODEC)));
            }
            return Uni.createFrom().item(out);
        });
        runner.run(stage, poll(alert("a"), alert("b"), alert("c"))).await().atMost(WAIT);
        awaitAcks(1);
        assertEquals(1, calls.get(), "one handler call per poll");
        assertEquals(List.of("a", "b", "c"), outputs());
        assertEquals(1, acks.get());
        assertEquals(List.of(), nacks);
        // Outputs carry their event's trace context.
        assertNotNull(header(sent.get(0), RecordHeaders.TRACEPARENT));
    }

    @Test
    void anUndecodableRecordIsDeadLetteredWithItsBytesAndTheRestFlow() throws Exception {
        runner.run(echo(e -> null), poll(alert("a"), "not an event".getBytes(StandardCharsets.UTF_8), alert("c")))
                .await().atMost(WAIT);
        awaitAcks(1);
        assertEquals(List.of("a", "c"), outputs());
        Output dead = deadLetters().get(0);
        assertEquals("dlq:not an event", name(dead));
        assertEquals("t", header(dead, RecordHeaders.DLQ_STAGE));
        assertEquals("1", header(dead, RecordHeaders.DLQ_ATTEMPTS));
        assertEquals(TOPIC, header(dead, RecordHeaders.DLQ_ORIGINAL_TOPIC));
        assertEquals("101", header(dead, RecordHeaders.DLQ_ORIGINAL_OFFSET));
        assertEquals("acme/key", dead.record().key(), "the original key is kept");
        assertTrue(header(dead, RecordHeaders.DLQ_ERROR).contains("malformed JSON"), header(dead, RecordHeaders.DLQ_ERROR));
        assertEquals(1, acks.get());
    }

    @Test
    void aPermanentFailureIsDeadLetteredAtOnceWithTheEventIdAndTenant() throws Exception {
        byte[] bad = alert("bad");
        runner.run(echo(e -> {
            if (name(e).equals("bad")) {
                throw new PermanentFailure("no such thing");
            }
            return null;
        }), poll(alert("a"), bad, alert("c"))).await().atMost(WAIT);
        awaitAcks(1);
        assertEquals(List.of("a", "c"), outputs());
        Output dead = deadLetters().get(0);
        assertEquals("1", header(dead, RecordHeaders.DLQ_ATTEMPTS));
        assertEquals("no such thing", header(dead, RecordHeaders.DLQ_ERROR));
        assertEquals("acme", header(dead, RecordHeaders.DLQ_TENANT));
        assertEquals(EventCodec.decode(bad, AlertReceived.CODEC, EventCodec.Validation.TYPE).eventId().toString(),
                header(dead, RecordHeaders.DLQ_EVENT_ID));
    }

    @Test
    void aTransientFailureIsRetriedWithGrowingJitteredBackoffAndTheRecordsBehindItWait() throws Exception {
        List<Long> attemptsAt = new CopyOnWriteArrayList<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        runner.run(echo(e -> {
            handled.add(name(e));
            if (name(e).equals("flaky")) {
                attemptsAt.add(System.nanoTime());
                if (attemptsAt.size() < 3) {
                    throw new IllegalStateException("database busy");
                }
            }
            return null;
        }), poll(alert("a"), alert("flaky"), alert("c"))).await().atMost(WAIT);
        awaitAcks(1);
        assertEquals(List.of("a", "flaky", "c"), outputs(), "order kept: c waited for flaky");
        assertEquals(3, attemptsAt.size());
        long first = TimeUnit.NANOSECONDS.toMillis(attemptsAt.get(1) - attemptsAt.get(0));
        long second = TimeUnit.NANOSECONDS.toMillis(attemptsAt.get(2) - attemptsAt.get(1));
        // Nominal 40 ms then 80 ms; equal jitter takes at most half off.
        assertTrue(first >= 20, "first backoff " + first + " ms");
        assertTrue(second >= 40, "second backoff " + second + " ms");
        // "c" was handled once its turn came, after flaky's last attempt (the tail is handled again).
        assertEquals("c", handled.get(handled.size() - 1));
        assertEquals(List.of(), deadLetters());
        assertEquals(1, acks.get());
    }

    @Test
    void aRecordThatKeepsFailingIsDeadLetteredAfterTheRetryBudget() throws Exception {
        runner.run(echo(e -> {
            if (name(e).equals("doomed")) {
                throw new IllegalStateException("still busy");
            }
            return null;
        }), poll(alert("doomed"), alert("b"))).await().atMost(WAIT);
        awaitAcks(1);
        assertEquals(List.of("b"), outputs());
        Output dead = deadLetters().get(0);
        assertEquals("3", header(dead, RecordHeaders.DLQ_ATTEMPTS));
        assertEquals("still busy", header(dead, RecordHeaders.DLQ_ERROR));
        assertEquals(IllegalStateException.class.getName(), header(dead, RecordHeaders.DLQ_ERROR_CLASS));
    }

    @Test
    void anOutputThatCannotBeEncodedOrIsRefusedByTheBrokerDeadLettersItsRecordOnly() throws Exception {
        refuse.put("too-big", new RecordTooLargeException("The message is 2000000 bytes when serialized"));
        runner.run(echo(e -> {
            if (name(e).equals("deep")) {
                // Its writer fails the way Jackson does past its nesting limit (an alert nested 998 deep).
                return Outcome.produce(Output.of(Channel.ALERTS_ENHANCED_OUT, e, new FailingCodec()));
            }
            return null;
        }), poll(alert("a"), alert("deep"), alert("too-big"), alert("d"))).await().atMost(WAIT);
        awaitAcks(1);
        assertEquals(List.of("a", "too-big", "d"), outputs(), "too-big was handed over, then refused");
        List<Output> dead = deadLetters();
        assertEquals(2, dead.size());
        assertTrue(header(dead.get(0), RecordHeaders.DLQ_ERROR).contains("cannot write"), header(dead.get(0),
                RecordHeaders.DLQ_ERROR));
        assertTrue(header(dead.get(1), RecordHeaders.DLQ_ERROR).contains("2000000 bytes"));
        assertEquals(1, acks.get());
        assertEquals(List.of(), nacks);
    }

    @Test
    void whenEvenTheDeadLetterTopicFailsThePollIsNackedNotSkipped() throws Exception {
        deadLetterTopicDown = true;
        runner.run(echo(e -> {
            throw new PermanentFailure("bad");
        }), poll(alert("a"))).await().atMost(WAIT);
        awaitAcks(1);
        assertEquals(0, acks.get());
        assertEquals(1, nacks.size());
    }

    @Test
    void atMostTheConfiguredNumberOfPollsWaitForTheBrokerAtOnce() throws Exception {
        // A sender that holds every callback until released: two polls may be handed over, the third waits.
        List<Runnable> held = new CopyOnWriteArrayList<>();
        RecordSender holding = (outputs, done) -> {
            for (int i = 0; i < outputs.size(); i++) {
                int at = i;
                held.add(() -> done.completed(at, null));
            }
        };
        StageRunner gated = new StageRunner(holding, new DeadLetters(holding), new StageMetrics(new SimpleMeterRegistry()),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO), 2, false);
        StageRunner.Stage<AlertReceived> stage = gated.stage("t", AlertReceived.CODEC, PollHandler.eachRecord(
                e -> Outcome.produce(Output.of(Channel.ALERTS_ENHANCED_OUT, e, AlertReceived.CODEC))));
        gated.run(stage, poll(alert("1"))).await().atMost(WAIT);
        CompletableFuture<Void> second = gated.run(stage, poll(alert("2"))).subscribeAsCompletionStage();
        Thread.sleep(100);
        assertFalse(second.isDone(), "a second poll in flight fills the gate of two");
        held.get(0).run();
        second.get(5, TimeUnit.SECONDS);
        assertEquals(1, acks.get());
        held.get(1).run();
        awaitAcks(2);
        assertEquals(2, acks.get());
    }

    @Test
    void aReinjectedRecordIsValidatedInFullAndAnInternalOneOnlyForTypeAndVersion() throws Exception {
        // An AlertReceived whose sourceFormat breaks the schema's pattern but that the reader can bind.
        String text = new String(alert("x"), StandardCharsets.UTF_8).replace("\"sourceFormat\":\"generic\"",
                "\"sourceFormat\":\"Not A Format\"");
        byte[] value = text.getBytes(StandardCharsets.UTF_8);
        Message<ConsumerRecords<String, byte[]>> internal = poll(value);
        runner.run(echo(e -> null), internal).await().atMost(WAIT);
        awaitAcks(1);
        assertEquals(List.of("x"), outputs(), "trusted: read as generic");

        Message<ConsumerRecords<String, byte[]>> reinjected = poll(value);
        reinjected.getPayload().iterator().next().headers().add(new RecordHeader(RecordHeaders.REINJECTED, new byte[0]));
        runner.run(echo(e -> null), reinjected).await().atMost(WAIT);
        awaitAcks(2);
        assertEquals(List.of("x"), outputs());
        assertTrue(header(deadLetters().get(0), RecordHeaders.DLQ_ERROR).contains("/data/sourceFormat"),
                header(deadLetters().get(0), RecordHeaders.DLQ_ERROR));
    }

    @Test
    void backoffDoublesUpToItsCapAndJitterTakesAtMostHalfOff() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000));
        assertEquals(100, p.nominalMillis(1));
        assertEquals(200, p.nominalMillis(2));
        assertEquals(800, p.nominalMillis(4));
        assertEquals(1000, p.nominalMillis(5));
        assertEquals(1000, p.nominalMillis(60), "no overflow");
        for (int i = 0; i < 200; i++) {
            long d = p.delayMillis(3);
            assertTrue(d >= 200 && d <= 400, d + " ms");
        }
        assertTrue(p.mayRetry(4));
        assertFalse(p.mayRetry(5));
    }

    /** A codec whose writer fails the way Jackson fails past its nesting limit. */
    private static final class FailingCodec implements io.protect.model.wire.PayloadCodec<AlertReceived> {
        @Override
        public EventType type() {
            return EventType.ALERT_RECEIVED;
        }

        @Override
        public AlertReceived read(io.protect.model.wire.JsonIn in) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(AlertReceived payload, com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
            throw new com.fasterxml.jackson.core.exc.StreamConstraintsException("Document nesting depth (1001) exceeds the maximum allowed (1000)");
        }
    }
}
