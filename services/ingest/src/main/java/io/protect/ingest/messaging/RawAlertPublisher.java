package io.protect.ingest.messaging;

import io.protect.model.envelope.Event;
import io.protect.model.events.AlertReceived;
import io.protect.model.json.Json;
import io.protect.model.messaging.Channel;
import io.protect.model.schema.EventSchemaRegistry;
import io.protect.service.common.Output;
import io.protect.service.common.Producers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Publishes accepted alerts to security.alerts.raw: the records of a request are handed to the
 * channel's producer in one go, so a batch of alerts costs about one broker round trip; completes
 * once the broker has acknowledged every one (acks=all).
 */
@ApplicationScoped
public class RawAlertPublisher {

    private final Producers producers;

    public RawAlertPublisher(Producers producers) {
        this.producers = producers;
    }

    /**
     * The record of an accepted alert: encoded once, and its bytes validated against the envelope's
     * and the payload's JSON Schemas. Ingest is the pipeline's trust boundary: the stages after it
     * check only the type and version of what they read. Fails with an {@link IllegalArgumentException}
     * listing every violation (or saying why the event cannot be written as JSON).
     */
    public static Output record(Event<AlertReceived> event) {
        Output record = Output.of(Channel.ALERTS_RAW_OUT, event, AlertReceived.CODEC);
        List<String> violations = EventSchemaRegistry.defaultRegistry().validate(Json.parse(record.record().value()));
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", violations));
        }
        return record;
    }

    /** Sends a batch; the Uni fails if any record is refused or not acknowledged in time. */
    public Uni<Void> publish(List<Output> records) {
        return producers.sendAll(records);
    }
}
