package io.protect.tools.launcher.bench;

import io.protect.model.envelope.EnvelopeFactory;
import io.protect.model.envelope.EventEnvelope;
import io.protect.model.events.AlertReceived;
import io.protect.model.events.SourceFormat;
import io.protect.model.wire.EventCodec;
import io.protect.model.wire.RawJson;
import io.protect.model.events.EventType;
import io.protect.tools.launcher.SampleGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alerts a run sends, generated once from a seed: NDJSON request bodies for ingest, alternating
 * between the two local tenants, and for the baseline the very same alerts in the AlertReceived
 * envelopes ingest would put on security.alerts.raw, one JSON document per line.
 */
final class AlertPool {

    /** The local tenants and their tokens (local profile). */
    static final Map<String, String> TENANTS = io.protect.tools.launcher.Demo.TENANTS;
    static final List<String> TENANT_ORDER = List.of("acme", "globex");

    private final List<SampleGenerator.Generated> alerts;

    AlertPool(int size, long seed) {
        this.alerts = new SampleGenerator(seed, Instant.now().minusSeconds(3600)).mixedSources(size);
    }

    List<SampleGenerator.Generated> alerts() {
        return alerts;
    }

    /**
     * Request bodies of {@code batchSize} alerts each, cycling through the pool, tenants taking turns
     * batch by batch; enough batches to use every alert of the pool at least once.
     */
    List<LoadGenerator.Batch> batches(int batchSize) {
        int count = Math.max(2, (alerts.size() + batchSize - 1) / batchSize);
        List<LoadGenerator.Batch> out = new ArrayList<>(count);
        int next = 0;
        for (int b = 0; b < count; b++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int i = 0; i < batchSize; i++) {
                body.writeBytes(alerts.get(next++ % alerts.size()).alert().toString().getBytes(StandardCharsets.UTF_8));
                body.write('\n');
            }
            out.add(new LoadGenerator.Batch(TENANTS.get(TENANT_ORDER.get(b % 2)), body.toByteArray(), batchSize));
        }
        return out;
    }

    /**
     * Every alert of the pool as the record value ingest produces for it: an AlertReceived envelope
     * (made by the shared EnvelopeFactory, encoded by the shared codec as ingest does) of its tenant.
     */
    List<byte[]> envelopes() {
        EnvelopeFactory factory = new EnvelopeFactory(new EventEnvelope.Source("ingest", "0.1.0-SNAPSHOT",
                "localhost-" + ProcessHandle.current().pid()));
        List<byte[]> out = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            SampleGenerator.Generated g = alerts.get(i);
            EventEnvelope.Tenant tenant = new EventEnvelope.Tenant(TENANT_ORDER.get(i % 2), null);
            out.add(EventCodec.encode(factory.createEvent(EventType.ALERT_RECEIVED, tenant,
                    new AlertReceived(SourceFormat.fromWire(g.sourceFormat()), null, g.sourceIp(), RawJson.of(g.alert())),
                    null), AlertReceived.CODEC));
        }
        return out;
    }

    /** The sources in the pool and their shares, e.g. {@code suricata 45 %, okta 15 %, ...}. */
    String describe() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        alerts.forEach(a -> counts.merge(a.sourceFormat(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> parts.add(e.getKey() + " " + Math.round(e.getValue() * 100.0 / alerts.size()) + " %"));
        return String.join(", ", parts);
    }
}
