package io.protect.tools.launcher.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How full the Kafka clients' batches are, read from each service's {@code /q/metrics} (the Kafka
 * clients' own metrics, which Micrometer exposes per {@code client_id}, and the stages' records per
 * poll): producer batch size and records per produce request, consumer records per fetch, stage
 * records per poll. Tiny batches are what makes a broker and a client spend ten times the CPU per
 * record that Kafka's own tools spend.
 */
final class ClientMetrics {

    /** One Kafka client of one service (the client id names its channel: kafka-producer-alerts-ocsf-out). */
    public record Client(String service, String clientId, String kind, Double batchBytesAvg, Double recordsPerRequestAvg) {
    }

    /** One stage of one service: how many polls it processed, with how many records in all. */
    public record Polls(String service, String stage, long polls, double records) {
        /** The mean number of records per poll. */
        public double recordsPerPoll() {
            return polls == 0 ? 0 : records / polls;
        }
    }

    /** Everything read from the services at one moment. */
    public record Snapshot(List<Client> clients, List<Polls> polls) {
        /**
         * The clients as now (their averages are the clients' own recent windows) and the polls made
         * since {@code earlier} (the counters are totals since each service started).
         */
        Snapshot since(Snapshot earlier) {
            List<Polls> delta = new ArrayList<>();
            for (Polls now : polls) {
                Polls before = earlier.polls.stream()
                        .filter(p -> p.service().equals(now.service()) && p.stage().equals(now.stage()))
                        .findFirst().orElse(new Polls(now.service(), now.stage(), 0, 0));
                if (now.polls() > before.polls()) {
                    delta.add(new Polls(now.service(), now.stage(), now.polls() - before.polls(),
                            now.records() - before.records()));
                }
            }
            return new Snapshot(clients, delta);
        }
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ClientMetrics() {
    }

    /** Reads every service's metrics; a service that does not answer is left out. */
    static Snapshot read(Map<String, String> metricsUrls) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<Client> clients = new ArrayList<>();
        List<Polls> polls = new ArrayList<>();
        metricsUrls.forEach((service, url) -> {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    Snapshot one = parse(service, r.body());
                    clients.addAll(one.clients());
                    polls.addAll(one.polls());
                }
            } catch (IOException e) {
                // Not answering: no numbers for this service.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return new Snapshot(List.copyOf(clients), List.copyOf(polls));
    }

    /** The figures of one service's Prometheus text. */
    static Snapshot parse(String service, String prometheusText) {
        Map<String, Map<String, Double>> byClient = new LinkedHashMap<>();
        Map<String, double[]> byStage = new LinkedHashMap<>();
        for (String line : prometheusText.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            String name = m.group(1);
            Map<String, String> labels = labels(m.group(2));
            double value;
            try {
                value = Double.parseDouble(m.group(3));
            } catch (NumberFormatException e) {
                continue;
            }
            switch (name) {
                case "kafka_producer_batch_size_avg", "kafka_producer_records_per_request_avg",
                        "kafka_consumer_fetch_manager_records_per_request_avg",
                        "kafka_consumer_fetch_manager_fetch_size_avg" -> {
                    String client = labels.get("client_id");
                    if (client != null && labels.get("topic") == null) {
                        byClient.computeIfAbsent(client, c -> new LinkedHashMap<>()).put(name, value);
                    }
                }
                case "protect_stage_poll_records_count", "protect_stage_poll_records_sum" -> {
                    String stage = labels.get("stage");
                    if (stage != null) {
                        byStage.computeIfAbsent(stage, s -> new double[2])[name.endsWith("_count") ? 0 : 1] = value;
                    }
                }
                default -> {
                }
            }
        }
        List<Client> clients = new ArrayList<>();
        byClient.forEach((client, v) -> {
            boolean producer = client.contains("producer");
            clients.add(new Client(service, client, producer ? "producer" : "consumer",
                    finite(v.get(producer ? "kafka_producer_batch_size_avg" : "kafka_consumer_fetch_manager_fetch_size_avg")),
                    finite(v.get(producer ? "kafka_producer_records_per_request_avg"
                            : "kafka_consumer_fetch_manager_records_per_request_avg"))));
        });
        List<Polls> polls = new ArrayList<>();
        byStage.forEach((stage, cs) -> {
            polls.add(new Polls(service, stage, (long) cs[0], cs[1]));
        });
        return new Snapshot(clients, polls);
    }

    private static Double finite(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }
}
