package io.protect.notify.messaging;

import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.Event;
import io.protect.model.events.AlertNotification;
import io.protect.model.events.AlertScored;
import io.protect.model.events.EventType;
import io.protect.model.messaging.Channel;
import io.protect.notify.AlertMessage;
import io.protect.notify.stage.AlertNotifications;
import io.protect.notify.websocket.AnalystSessions;
import io.protect.service.common.Outcome;
import io.protect.service.common.Output;
import io.protect.service.common.StageRunner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Pushes the scored alerts of a poll to the live sessions of their tenants, in the order they were
 * read, then records each delivery as an AlertNotification (security.notifications); the poll is
 * acknowledged (by the stage runner) once the broker has the notifications.
 */
@ApplicationScoped
public class NotifyConsumer {

    /** The stage name, in metrics and dead letters. */
    public static final String STAGE = "notify";

    private final StageRunner runner;
    private final StageRunner.Stage<AlertScored> stage;

    public NotifyConsumer(StageRunner runner, AnalystSessions sessions, EnvelopeFactory envelopes) {
        this.runner = runner;
        AlertNotifications notifications = new AlertNotifications();
        this.stage = runner.stage(STAGE, AlertScored.CODEC, events -> {
            List<Outcome> outcomes = new ArrayList<>(events.size());
            List<AlertMessage> messages = new ArrayList<>(events.size());
            List<Uni<Integer>> pushes = new ArrayList<>(events.size());
            for (Event<AlertScored> event : events) {
                try {
                    AlertMessage message = notifications.toMessage(event);
                    messages.add(message);
                    // Written to the sessions now, in record order; the count comes when the writes finish.
                    pushes.add(sessions.push(message));
                    outcomes.add(null);
                } catch (RuntimeException e) {
                    messages.add(null);
                    outcomes.add(Outcome.failed(e));
                }
            }
            if (pushes.isEmpty()) {
                return Uni.createFrom().item(outcomes);
            }
            return Uni.join().all(pushes).andCollectFailures().map(delivered -> {
                int next = 0;
                for (int i = 0; i < outcomes.size(); i++) {
                    if (outcomes.get(i) != null) {
                        continue;
                    }
                    Event<AlertScored> in = events.get(i);
                    AlertNotification notification = notifications.toNotification(messages.get(i), delivered.get(next++));
                    try {
                        outcomes.set(i, Outcome.produce(Output.of(Channel.NOTIFICATIONS_OUT,
                                envelopes.advance(in, EventType.ALERT_NOTIFICATION, notification), AlertNotification.CODEC)));
                    } catch (RuntimeException e) {
                        outcomes.set(i, Outcome.failed(e));
                    }
                }
                return outcomes;
            });
        });
    }

    @Incoming(Channel.PREDICTIONS_IN_NAME)
    public Uni<Void> consume(Message<ConsumerRecords<String, byte[]>> batch) {
        return runner.run(stage, batch);
    }
}
