package io.protect.tools.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * An analyst's live feed as the benchmark sees it: a WebSocket to notify for one tenant, taking for
 * every alert message its arrival time minus the {@code ingestedAt} it carries (when ingest
 * accepted the alert).
 */
final class LiveFeed implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LatencySamples samples;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private LiveFeed(LatencySamples samples) {
        this.samples = samples;
    }

    /** Connects a tenant's feed; its samples go to {@code samples}. */
    static LiveFeed connect(int port, String token, LatencySamples samples) throws Exception {
        LiveFeed feed = new LiveFeed(samples);
        feed.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/alerts?token=" + token), feed)
                .get(30, TimeUnit.SECONDS);
        return feed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long arrival = System.currentTimeMillis();
            try {
                JsonNode message = JSON.readTree(partial.toString());
                if (message.path("ingestedAt").isNumber()) {
                    long ingestedAt = message.get("ingestedAt").asLong();
                    samples.add(ingestedAt, arrival - ingestedAt);
                }
            } catch (IOException e) {
                // Not an alert message (the greeting): nothing to measure.
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
