package io.protect.normalize.mapping.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.model.ocsf.ValidationResult;
import io.protect.normalize.mapping.Enrichments;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Corpus test: every real Windows Security sample (3 forms) → WindowsMappers → real OCSF validator; nothing faked. */
class WindowsMappersTest {

    private final OcsfValidator validator = OcsfValidator.instance();

    static Stream<WindowsEventSamples.Sample> samples() {
        return WindowsEventSamples.windows().stream();
    }

    /** The class the table requires for an event id. */
    static int expectedClass(int eventId) {
        return switch (eventId) {
            case 4624, 4625, 4634, 4647, 4648, 4768, 4769, 4771, 4776 -> 3002;
            case 4672 -> 3003;
            case 4688, 4689 -> 1007;
            case 4720, 4722, 4723, 4724, 4725, 4726, 4738, 4740, 4767, 4781 -> 3001;
            case 1100, 1102, 1104, 1105 -> 1008;
            default -> 0;
        };
    }

    @Test
    void theSamplesHoldEveryEvent() {
        assertEquals(194, WindowsEventSamples.windows().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyRealEventMapsToItsClassValidatesAndLosesNothing(WindowsEventSamples.Sample s) {
        int id = WinEvent.eventIdOf(s.event());
        Record ocsf = WindowsMappers.forEvent(s.event())
                .map(WindowsEventSamples.enriched(SourceFormat.WINDOWS, s.event(), Enrichments.none()), WindowsEventSamples.context());
        JsonNode json = Json.MAPPER.valueToTree(ocsf);
        ValidationResult result = validator.validate(json);
        assertTrue(result.valid(), () -> s + " → " + result + "\n" + json.toPrettyString());
        assertEquals(expectedClass(id), json.path("class_uid").asInt(), s::toString);
        assertEquals(Integer.toString(id), json.path("metadata").path("event_code").asText(), s::toString);
        assertEquals(s.event(), Json.parse(json.path("raw_data").asText()), "raw_data is the original event");
        assertTrue(json.path("time").asLong() > 1_400_000_000_000L, s::toString);
        NothingLost.check(s.toString(), s.event(), json);
    }

    @Test
    void classesProduced() {
        Map<String, Integer> counts = new TreeMap<>();
        for (WindowsEventSamples.Sample s : WindowsEventSamples.windows()) {
            JsonNode json = Json.MAPPER.valueToTree(WindowsMappers.forEvent(s.event())
                    .map(WindowsEventSamples.enriched(SourceFormat.WINDOWS, s.event(), Enrichments.none()), WindowsEventSamples.context()));
            counts.merge(WinEvent.eventIdOf(s.event()) + " → " + json.path("class_uid").asInt() + "/" + json.path("activity_id").asInt(), 1, Integer::sum);
        }
        System.out.println("windows classes: " + counts);
        assertTrue(counts.keySet().stream().anyMatch(k -> k.startsWith("4688 → 1007/1")));
    }
}
