package io.protect.tools.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.protect.model.messaging.MessagingTuning;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher's Kafka client settings on one machine and their overrides. Pure. */
class LocalTuningTest {

    @Test
    void theEnvironmentOverridesEachSettingAndTheServicesGetThemAll() {
        MessagingTuning t = LocalTuning.effective(Map.of("PROTECT_MESSAGING_LINGER_MS", "7",
                "PROTECT_MESSAGING_COMPRESSION", "zstd"));
        assertEquals(7, t.lingerMs());
        assertEquals("zstd", t.compression());
        assertEquals(LocalTuning.LOCAL.fetchMinBytes(), t.fetchMinBytes());
        assertEquals(LocalTuning.LOCAL, LocalTuning.effective(Map.of()));
        Map<String, String> env = LocalTuning.env(t);
        assertEquals("7", env.get("PROTECT_MESSAGING_LINGER_MS"));
        assertEquals("zstd", env.get("PROTECT_MESSAGING_COMPRESSION"));
        assertEquals(t, LocalTuning.effective(env), "what the services are given is what the launcher uses");
    }

    @Test
    void aBadValueIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalTuning.effective(Map.of("PROTECT_MESSAGING_FETCH_MAX_WAIT_MS", "soon")));
        assertEquals("PROTECT_MESSAGING_FETCH_MAX_WAIT_MS must be a number, not 'soon'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LocalTuning.effective(Map.of("PROTECT_MESSAGING_COMPRESSION", "rar")));
    }
}
