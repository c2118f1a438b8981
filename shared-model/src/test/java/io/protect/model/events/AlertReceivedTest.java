package io.protect.model.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.json.Json;
import org.junit.jupiter.api.Test;

/** Reading the AlertReceived payload without binding it. Faked: nothing. */
class AlertReceivedTest {

    @Test
    void readsWhatJacksonBindsAndKeepsTheAlertNode() throws Exception {
        JsonNode data = Json.parse("{\"sourceFormat\":\"suricata\",\"sourceIp\":\"10.0.0.1\","
                + "\"alert\":{\"event_type\":\"alert\",\"src_ip\":\"10.0.0.1\"}}");
        AlertReceived read = AlertReceived.from(data);
        assertEquals(Json.MAPPER.treeToValue(data, AlertReceived.class), read);
        assertEquals(null, read.assetId());
        assertSame(data.get("alert"), read.alert(), "the alert is not copied");
    }

    @Test
    void anAlertThatIsNotAnObjectIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> AlertReceived.from(Json.parse("{\"sourceFormat\":\"cef\",\"alert\":\"CEF:0|x\"}")));
    }
}
