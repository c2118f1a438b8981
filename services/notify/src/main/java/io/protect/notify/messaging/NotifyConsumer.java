package io.protect.notify.messaging;

import io.protect.model.catalog.Topic;
import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.EventType;
import io.protect.model.messaging.Channel;
import io.protect.notify.AlertMessage;
import io.protect.notify.stage.AlertNotifications;
import io.protect.notify.websocket.AnalystSessions;
import io.protect.service.common.Outbound;
import io.protect.service.common.StageRunner;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Pushes each scored alert to the live sessions of its tenant, then records the delivery as an
 * AlertNotification; the record is acknowledged (by the stage runner) only once the broker has the
 * notification.
 */
@ApplicationScoped
public class NotifyConsumer {

    /** The stage name, in metrics and dead letters. */
    public static final String STAGE = "notify";

    private final StageRunner runner;
    private final AnalystSessions sessions;
    private final EnvelopeFactory envelopeFactory;
    private final AlertNotifications notifications = new AlertNotifications();

    @Inject
    @org.eclipse.microprofile.reactive.messaging.Channel(Channel.NOTIFICATIONS_OUT_NAME)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = StageRunner.EMITTER_BUFFER)
    MutinyEmitter<EventEnvelope> emitter;

    public NotifyConsumer(StageRunner runner, AnalystSessions sessions, EnvelopeFactory envelopeFactory) {
        this.runner = runner;
        this.sessions = sessions;
        this.envelopeFactory = envelopeFactory;
    }

    @Incoming(Channel.PREDICTIONS_IN_NAME)
    public Uni<Void> consume(Message<List<byte[]>> batch) {
        return runner.runBatch(STAGE, batch, envelope -> {
            AlertMessage alert = notifications.toMessage(envelope);
            return sessions.push(alert).chain(delivered -> emitter.sendMessage(Outbound.to(
                    Topic.SECURITY_NOTIFICATIONS,
                    envelopeFactory.advance(envelope, EventType.ALERT_NOTIFICATION,
                            notifications.toNotification(alert, delivered)))));
        });
    }
}
