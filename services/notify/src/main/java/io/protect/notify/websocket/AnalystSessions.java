package io.protect.notify.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.protect.model.json.Json;
import io.protect.notify.AlertMessage;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The authenticated analyst sessions, by tenant, and the push of an alert to one tenant's sessions.
 * Only a session whose token was accepted is ever registered, so an alert can reach no other tenant
 * and no unauthenticated client.
 */
@ApplicationScoped
public class AnalystSessions {

    /** A session that does not take a message within this time is not counted as delivered. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Set<WebSocketConnection>> byTenant = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> pushed = new ConcurrentHashMap<>();

    /** Registers an authenticated session; returns the tenant's session count. */
    public int add(String tenantId, WebSocketConnection connection) {
        Set<WebSocketConnection> sessions = byTenant.computeIfAbsent(tenantId, t -> ConcurrentHashMap.newKeySet());
        sessions.add(connection);
        return sessions.size();
    }

    public void remove(String tenantId, WebSocketConnection connection) {
        byTenant.computeIfPresent(tenantId, (t, sessions) -> {
            sessions.remove(connection);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    /**
     * Pushes an alert to every open session of its tenant; completes with how many took it. The
     * message is written to each session when this is called (not when the Uni is subscribed), so
     * alerts pushed one after another reach every session in that order.
     */
    public Uni<Integer> push(AlertMessage alert) {
        List<WebSocketConnection> targets = List.copyOf(byTenant.getOrDefault(alert.tenantId(), Set.of()));
        if (targets.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Serialized once, whatever the number of sessions.
        String text;
        try {
            text = Json.MAPPER.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("alert message cannot be written as JSON", e);
        }
        // One slow or broken session must neither hold the others back nor fail the record.
        List<Uni<Boolean>> sends = new java.util.ArrayList<>(targets.size());
        for (WebSocketConnection c : targets) {
            sends.add(c.isOpen()
                    ? c.sendText(text).ifNoItem().after(SEND_TIMEOUT).fail()
                            .replaceWith(true).onFailure().recoverWithItem(false).memoize().indefinitely()
                    : Uni.createFrom().item(false));
        }
        // Start every write now, in call order.
        sends.forEach(u -> u.subscribe().with(ok -> {
        }, e -> {
        }));
        return Uni.join().all(sends).andFailFast().map(results -> {
            int delivered = (int) results.stream().filter(Boolean::booleanValue).count();
            pushed.computeIfAbsent(alert.tenantId(), t -> new AtomicLong()).addAndGet(delivered);
            return delivered;
        });
    }

    /** Open sessions of a tenant. */
    public int sessions(String tenantId) {
        return byTenant.getOrDefault(tenantId, Set.of()).size();
    }

    /** Messages pushed to a tenant's sessions since start (one per session reached). */
    public long pushed(String tenantId) {
        AtomicLong n = pushed.get(tenantId);
        return n == null ? 0 : n.get();
    }
}
