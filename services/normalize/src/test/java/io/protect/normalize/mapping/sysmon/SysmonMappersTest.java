package io.protect.normalize.mapping.sysmon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.model.ocsf.ValidationResult;
import io.protect.normalize.mapping.Enrichments;
import io.protect.normalize.mapping.windows.NothingLost;
import io.protect.normalize.mapping.windows.WinEvent;
import io.protect.normalize.mapping.windows.WindowsEventSamples;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Corpus test: every real Sysmon sample (3 forms) → SysmonMappers → real OCSF validator; nothing faked. */
class SysmonMappersTest {

    private final OcsfValidator validator = OcsfValidator.instance();

    static Stream<WindowsEventSamples.Sample> samples() {
        return WindowsEventSamples.sysmon().stream();
    }

    static int expectedClass(int eventId) {
        return switch (eventId) {
            case 1, 5, 8, 10 -> 1007;
            case 3 -> 4001;
            case 2, 11, 15, 23, 26 -> 1001;
            case 22 -> 4003;
            case 6, 7 -> 1005;
            default -> 0;
        };
    }

    @Test
    void theSamplesHoldEveryEvent() {
        assertEquals(144, WindowsEventSamples.sysmon().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyRealEventMapsToItsClassValidatesAndLosesNothing(WindowsEventSamples.Sample s) {
        int id = WinEvent.eventIdOf(s.event());
        Record ocsf = SysmonMappers.forEvent(s.event())
                .map(WindowsEventSamples.enriched(SourceFormat.SYSMON, s.event(), Enrichments.none()), WindowsEventSamples.context());
        JsonNode json = Json.MAPPER.valueToTree(ocsf);
        ValidationResult result = validator.validate(json);
        assertTrue(result.valid(), () -> s + " → " + result + "\n" + json.toPrettyString());
        assertEquals(expectedClass(id), json.path("class_uid").asInt(), s::toString);
        assertEquals(Integer.toString(id), json.path("metadata").path("event_code").asText(), s::toString);
        assertEquals("Sysmon", json.path("metadata").path("product").path("name").asText());
        assertEquals(s.event(), Json.parse(json.path("raw_data").asText()), "raw_data is the original event");
        NothingLost.check(s.toString(), s.event(), json);
    }

    @Test
    void classesProduced() {
        Map<String, Integer> counts = new TreeMap<>();
        for (WindowsEventSamples.Sample s : WindowsEventSamples.sysmon()) {
            JsonNode json = Json.MAPPER.valueToTree(SysmonMappers.forEvent(s.event())
                    .map(WindowsEventSamples.enriched(SourceFormat.SYSMON, s.event(), Enrichments.none()), WindowsEventSamples.context()));
            counts.merge(WinEvent.eventIdOf(s.event()) + " → " + json.path("class_uid").asInt() + "/" + json.path("activity_id").asInt(), 1, Integer::sum);
        }
        System.out.println("sysmon classes: " + counts);
        assertEquals(40, counts.get("1 → 1007/1"));
    }
}
