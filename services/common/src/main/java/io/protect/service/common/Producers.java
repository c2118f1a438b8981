package io.protect.service.common;

import io.protect.model.messaging.Channel;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;

/**
 * Sends the stages' records through the Kafka producers of their outgoing channels (configured
 * from the topic catalog like every channel, see {@code CatalogChannelConfigSource}), without a
 * Message, metadata or Uni per record: the records of a poll bound for one channel are handed to
 * its producer as one task on the producer's sending thread, where {@code send} may block on
 * metadata or a full buffer without holding up an event loop, and each record's callback reports
 * the broker's answer.
 *
 * <p>The outgoing channels have no emitter: SmallRye creates their producer at startup all the
 * same (and logs that the channel "has no upstream", which is by design here).
 */
@ApplicationScoped
public class Producers implements RecordSender {

    private final KafkaClientService clients;
    private final Map<Channel, KafkaProducer<String, byte[]>> producers = new ConcurrentHashMap<>();

    public Producers(KafkaClientService clients) {
        this.clients = clients;
    }

    @Override
    public void send(List<Output> outputs, Done done) {
        Map<Channel, List<Integer>> byChannel = new EnumMap<>(Channel.class);
        for (int i = 0; i < outputs.size(); i++) {
            byChannel.computeIfAbsent(outputs.get(i).channel(), c -> new ArrayList<>()).add(i);
        }
        byChannel.forEach((channel, indices) -> {
            KafkaProducer<String, byte[]> producer;
            try {
                producer = producer(channel);
            } catch (RuntimeException e) {
                indices.forEach(i -> done.completed(i, e));
                return;
            }
            producer.runOnSendingThread((Producer<String, byte[]> p) -> {
                for (int i : indices) {
                    try {
                        p.send(outputs.get(i).record(), (metadata, error) -> done.completed(i, error));
                    } catch (RuntimeException e) {
                        done.completed(i, e);
                    }
                }
            }).subscribe().with(ignored -> {
            }, e -> indices.forEach(i -> done.completed(i, e instanceof Exception x ? x : new RuntimeException(e))));
        });
    }

    /** Sends the outputs; the Uni completes once the broker has every one, or fails with the first refusal. */
    public Uni<Void> sendAll(List<Output> outputs) {
        if (outputs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> {
            AtomicInteger remaining = new AtomicInteger(outputs.size());
            send(outputs, (i, error) -> {
                if (error != null) {
                    remaining.set(-1);
                    emitter.fail(error);
                } else if (remaining.decrementAndGet() == 0) {
                    emitter.complete(null);
                }
            });
        });
    }

    private KafkaProducer<String, byte[]> producer(Channel channel) {
        return producers.computeIfAbsent(channel, c -> {
            KafkaProducer<String, byte[]> p = clients.getProducer(c.channelName());
            if (p == null) {
                throw new IllegalStateException("no Kafka producer for channel " + c.channelName()
                        + ": list it in protect.messaging.channels");
            }
            return p;
        });
    }
}
