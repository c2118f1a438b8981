package io.protect.tools.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the launcher and the end-to-end tests ask the running services, over their HTTP APIs. */
public final class ProtectClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code name{labels} value}, optionally followed by an OpenMetrics exemplar ({@code # {...} v t}). */
    private static final Pattern METRIC = Pattern.compile("^(\\w+)\\{([^}]*)}\\s+([0-9.eE+-]+)(\\s+#.*)?$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Stack stack;

    public ProtectClient(Stack stack) {
        this.stack = stack;
    }

    /** Posts alerts as NDJSON for a tenant's token; returns the event ids ingest assigned. */
    public List<String> ingest(String token, List<ObjectNode> alerts) {
        StringBuilder body = new StringBuilder();
        for (ObjectNode a : alerts) {
            body.append(a.toString()).append('\n');
        }
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(stack.url(Service.INGEST) + "/api/v1/alerts"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), 202);
        List<String> ids = new ArrayList<>();
        answer.path("eventIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** Posts a body as it is (a sample file in its own form); returns the event ids ingest assigned. */
    public List<String> ingestRaw(String token, String contentType, byte[] body) {
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(stack.url(Service.INGEST) + "/api/v1/alerts"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), 202);
        List<String> ids = new ArrayList<>();
        answer.path("eventIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The store's counts for a tenant: {events, predictions}. */
    public JsonNode stats(String token) {
        return send(HttpRequest.newBuilder(URI.create(stack.url(Service.STORE) + "/api/v1/stats"))
                .header("Authorization", "Bearer " + token).GET(), 200);
    }

    /** A page of stored events for a tenant. */
    public JsonNode events(String token, String query) {
        return send(HttpRequest.newBuilder(URI.create(stack.url(Service.STORE) + "/api/v1/events" + query))
                .header("Authorization", "Bearer " + token).GET(), 200);
    }

    /** Sum of a Prometheus counter over a service's /q/metrics, for samples whose labels contain {@code labelPart}. */
    public double metric(Service service, String name, String labelPart) {
        return sumMetric(sendText(HttpRequest.newBuilder(URI.create(stack.url(service) + "/q/metrics")).GET()),
                name, labelPart);
    }

    /** Sums the samples of one metric in Prometheus/OpenMetrics text whose labels contain {@code labelPart}. */
    static double sumMetric(String text, String name, String labelPart) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher m = METRIC.matcher(line.trim());
            if (m.matches() && m.group(1).equals(name) && m.group(2).contains(labelPart)) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String sendText(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
