package io.protect.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.protect.model.events.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The schema index, the schema files and the EventType enum describe the same set. Reads the module's sources. */
class SchemaCatalogTest {

    private static final Path EVENTS = Path.of("src/main/resources", EventSchemaRegistry.ROOT, "events");

    @Test
    void theIndexListsExactlyTheSchemaFilesThatExist() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(EVENTS)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(p -> EVENTS.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        EventSchemaRegistry registry = EventSchemaRegistry.defaultRegistry();
        Set<String> indexed = new TreeSet<>();
        for (String type : registry.eventTypes()) {
            registry.versions(type).forEach(v -> indexed.add(type + "/" + v + ".json"));
        }
        assertEquals(onDisk, indexed);
    }

    @Test
    void everyEventTypeHasSchemasAndEverySchemaFamilyAnEventType() {
        Set<String> enumNames = Arrays.stream(EventType.values()).map(EventType::wireName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(enumNames, new TreeSet<>(EventSchemaRegistry.defaultRegistry().eventTypes()));
        assertTrue(enumNames.containsAll(Set.of("NetworkThreatDetected", "UserAuthenticationSucceeded",
                "VulnerabilityDiscovered")));
    }
}
