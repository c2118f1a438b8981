package io.protect.tools.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading batch sizes and records per poll out of a service's Prometheus text. Pure. */
class ClientMetricsTest {

    static final String TEXT = """
            # HELP kafka_producer_batch_size_avg The average number of bytes sent per partition per-request.
            # TYPE kafka_producer_batch_size_avg gauge
            kafka_producer_batch_size_avg{client_id="kafka-producer-predictions-out",kafka_version="4.1.1"} 48213.5
            kafka_producer_batch_size_avg{client_id="kafka-producer-dead-letters-out",kafka_version="4.1.1"} NaN
            kafka_producer_records_per_request_avg{client_id="kafka-producer-predictions-out",kafka_version="4.1.1"} 37.25
            kafka_producer_records_per_request_avg{client_id="kafka-producer-dead-letters-out",kafka_version="4.1.1"} NaN
            kafka_consumer_fetch_manager_records_per_request_avg{client_id="kafka-consumer-alerts-ocsf-in",kafka_version="4.1.1"} 112.0
            kafka_consumer_fetch_manager_records_per_request_avg{client_id="kafka-consumer-alerts-ocsf-in",kafka_version="4.1.1",topic="security.alerts.ocsf.ready"} 5.0
            kafka_consumer_fetch_manager_fetch_size_avg{client_id="kafka-consumer-alerts-ocsf-in",kafka_version="4.1.1"} 150000.0
            protect_stage_poll_records_count{stage="score"} 40.0
            protect_stage_poll_records_sum{stage="score"} 4000.0
            protect_stage_processed_total{stage="score"} 4000.0
            """;

    @Test
    void producersConsumersAndPollsAreReadPerClientAndStage() {
        ClientMetrics.Snapshot s = ClientMetrics.parse("score", TEXT);
        assertEquals(3, s.clients().size());
        ClientMetrics.Client out = s.clients().get(0);
        assertEquals(new ClientMetrics.Client("score", "kafka-producer-predictions-out", "producer", 48213.5, 37.25), out);
        ClientMetrics.Client dlq = s.clients().get(1);
        assertNull(dlq.batchBytesAvg(), "NaN (nothing sent yet) is no number");
        assertNull(dlq.recordsPerRequestAvg());
        // The per-topic series is left out: the client's own average is the one reported.
        assertEquals(new ClientMetrics.Client("score", "kafka-consumer-alerts-ocsf-in", "consumer", 150000.0, 112.0),
                s.clients().get(2));
        assertEquals(List.of(new ClientMetrics.Polls("score", "score", 40, 4000)), s.polls());
        assertEquals(100.0, s.polls().get(0).recordsPerPoll(), 1e-9);
    }

    @Test
    void pollsAreCountedSinceAnEarlierSnapshot() {
        ClientMetrics.Snapshot before = ClientMetrics.parse("score", TEXT);
        ClientMetrics.Snapshot after = ClientMetrics.parse("score", TEXT.replace("count{stage=\"score\"} 40.0",
                "count{stage=\"score\"} 50.0").replace("sum{stage=\"score\"} 4000.0", "sum{stage=\"score\"} 6500.0"));
        ClientMetrics.Snapshot delta = after.since(before);
        assertEquals(List.of(new ClientMetrics.Polls("score", "score", 10, 2500)), delta.polls());
        assertEquals(250.0, delta.polls().get(0).recordsPerPoll(), 1e-9);
        assertEquals(List.of(), before.since(before).polls(), "no poll in between: nothing to report");
    }
}
