package io.protect.ingest.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.json.Json;
import io.protect.tools.devservices.LocalInfraTestResource;
import io.protect.tools.devservices.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Real: the ingest application's syslog TCP listener, a Kafka broker. Faked: nothing. CEF and LEEF
 * lines in both TCP framings end up on security.alerts.raw for the listener's tenant; a line that
 * is neither is dead-lettered with its reason.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class SyslogListenerTest {

    @Inject
    SyslogListener listener;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void cefAndLeefOverBothFramingsArePublishedAndGarbageIsDeadLettered() throws Exception {
        String marker = UUID.randomUUID().toString();
        String cef = "<134>Nov 22 10:00:00 fw01 CEF:0|Acme|Firewall|1.0|100|Blocked connection|7|src=203.0.113.9 dst=10.0.0.5 "
                + "spt=51000 dpt=445 proto=TCP act=blocked msg=" + marker;
        String leef = "LEEF:2.0|Acme|Proxy|2.1|403|^|src=198.51.100.4^dst=10.0.0.8^usrName=jdoe^msg=" + marker;
        String garbage = "this is not CEF " + marker;
        byte[] leefBytes = leef.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", listener.port()); OutputStream out = socket.getOutputStream()) {
            out.write((cef + "\n").getBytes(StandardCharsets.UTF_8));
            out.write((leefBytes.length + " ").getBytes(StandardCharsets.UTF_8));
            out.write(leefBytes);
            out.write((garbage + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        var raw = TopicProbe.read(bootstrap, "security.alerts.raw",
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker), 2, Duration.ofSeconds(30));
        assertEquals(2, raw.size());
        List<String> formats = raw.stream().map(r -> Json.parse(r.value())).map(e -> {
            assertEquals("acme", e.path("tenant").path("tenantId").asText());
            return e.path("data").path("sourceFormat").asText();
        }).sorted().toList();
        assertEquals(List.of("cef", "leef"), formats);
        JsonNode cefEvent = raw.stream().map(r -> Json.parse(r.value()))
                .filter(e -> e.path("data").path("sourceFormat").asText().equals("cef")).findFirst().orElseThrow();
        assertEquals("203.0.113.9", cefEvent.path("data").path("sourceIp").asText());

        var dead = TopicProbe.read(bootstrap, "security.errors.dlq",
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals(garbage, new String(dead.get(0).value(), StandardCharsets.UTF_8));
        assertEquals("ingest-syslog", TopicProbe.header(dead.get(0), "protect-dlq-stage"));
        assertTrue(TopicProbe.header(dead.get(0), "protect-dlq-error").contains("not a CEF"),
                TopicProbe.header(dead.get(0), "protect-dlq-error"));
    }
}
