package io.protect.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.protect.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every JSON Schema the code knows (the envelope and each event type at each version), loaded once
 * from the classpath and compiled with the networknt validator.
 *
 * <p>Validation rules, which make schema evolution safe in both directions:
 * <ul>
 * <li>An event whose {@code eventVersion} is known is validated strictly against exactly that
 * version (producers always take this path).</li>
 * <li>An event of a <em>newer minor</em> of a known major (an old consumer meeting a new event) is
 * validated against the newest known version of that major with unknown properties allowed: a
 * minor version may only add optional fields, so everything the consumer knows is still checked.</li>
 * <li>An unknown major is rejected: majors are incompatible by definition.</li>
 * </ul>
 */
public final class EventSchemaRegistry {

    /** Where the schemas live on the classpath. */
    public static final String ROOT = "io/protect/schemas/";

    private static final EventSchemaRegistry DEFAULT = load(EventSchemaRegistry.class.getClassLoader());

    private final Schema envelope;
    private final Map<String, NavigableMap<SchemaVersion, Versioned>> events;

    private record Versioned(JsonNode source, Schema strict, Schema open) {
    }

    private EventSchemaRegistry(Schema envelope, Map<String, NavigableMap<SchemaVersion, Versioned>> events) {
        this.envelope = envelope;
        this.events = events;
    }

    /** The registry of the schemas shipped in this jar. */
    public static EventSchemaRegistry defaultRegistry() {
        return DEFAULT;
    }

    /** Loads the index and every schema it lists from a class loader. */
    public static EventSchemaRegistry load(ClassLoader loader) {
        SchemaRegistry factory = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_POINTER)
                        .build()));
        JsonNode index = read(loader, ROOT + "index.json");
        JsonNode envelopeVersions = index.path("envelope");
        String envelopeVersion = envelopeVersions.get(envelopeVersions.size() - 1).asText();
        Schema envelope = factory.getSchema(read(loader, ROOT + "envelope/" + envelopeVersion + ".json"));

        Map<String, NavigableMap<SchemaVersion, Versioned>> events = new TreeMap<>();
        index.path("events").fields().forEachRemaining(entry -> {
            NavigableMap<SchemaVersion, Versioned> versions = new TreeMap<>();
            for (JsonNode v : entry.getValue()) {
                SchemaVersion version = SchemaVersion.parse(v.asText());
                JsonNode source = read(loader, schemaPath(entry.getKey(), version));
                versions.put(version, new Versioned(source, factory.getSchema(source), factory.getSchema(opened(source))));
            }
            events.put(entry.getKey(), Collections.unmodifiableNavigableMap(versions));
        });
        return new EventSchemaRegistry(envelope, Collections.unmodifiableMap(events));
    }

    /** The classpath location of one event schema version. */
    public static String schemaPath(String eventType, SchemaVersion version) {
        return ROOT + "events/" + eventType + "/" + version + ".json";
    }

    public Set<String> eventTypes() {
        return events.keySet();
    }

    /** The known versions of an event type, oldest first. */
    public List<SchemaVersion> versions(String eventType) {
        NavigableMap<SchemaVersion, Versioned> versions = events.get(eventType);
        return versions == null ? List.of() : List.copyOf(versions.keySet());
    }

    /** The version producers write: the newest known. */
    public SchemaVersion latest(String eventType) {
        NavigableMap<SchemaVersion, Versioned> versions = events.get(eventType);
        if (versions == null) {
            throw new IllegalArgumentException("unknown event type '" + eventType + "'");
        }
        return versions.lastKey();
    }

    /** The schema document of one version, as written. */
    public Optional<JsonNode> schema(String eventType, SchemaVersion version) {
        return Optional.ofNullable(events.get(eventType)).map(v -> v.get(version)).map(Versioned::source);
    }

    /**
     * Validates a whole enveloped event: the envelope, then its {@code data} against the schema of its
     * type and version. Returns every violation as {@code /json/pointer: message}; empty when valid.
     */
    public List<String> validate(JsonNode event) {
        List<String> violations = new ArrayList<>(render("", envelope.validate(event)));
        if (!violations.isEmpty()) {
            return violations;
        }
        String type = event.get("eventType").asText();
        NavigableMap<SchemaVersion, Versioned> versions = events.get(type);
        if (versions == null) {
            return List.of("/eventType: unknown event type '" + type + "' (known: " + String.join(", ", events.keySet()) + ")");
        }
        SchemaVersion version = SchemaVersion.parse(event.get("eventVersion").asText());
        Versioned exact = versions.get(version);
        if (exact != null) {
            return render("/data", exact.strict().validate(event.get("data")));
        }
        Map.Entry<SchemaVersion, Versioned> sameMajor = versions.floorEntry(version);
        if (sameMajor == null || sameMajor.getKey().major() != version.major()) {
            return List.of("/eventVersion: " + type + " " + version + " is not supported (known versions: "
                    + versions.keySet() + ")");
        }
        if (versions.higherKey(sameMajor.getKey()) != null
                && versions.higherKey(sameMajor.getKey()).major() == version.major()) {
            // A gap inside what we know (e.g. 1.1.0 unknown while 1.2.0 is known) is a registry error.
            return List.of("/eventVersion: " + type + " " + version + " is not a published version (known versions: "
                    + versions.keySet() + ")");
        }
        return render("/data", sameMajor.getValue().open().validate(event.get("data")));
    }

    /** Throws {@link SchemaValidationException} unless the event is valid. */
    public void requireValid(JsonNode event) {
        List<String> violations = validate(event);
        if (!violations.isEmpty()) {
            JsonNode type = event.path("eventType");
            throw new SchemaValidationException(type.isTextual() ? type.asText() + " event" : "event", violations);
        }
    }

    private static List<String> render(String prefix, List<Error> errors) {
        List<String> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String location = prefix + e.getInstanceLocation().toString();
            out.add((location.isEmpty() ? "/" : location) + ": " + e.getMessage());
        }
        return out;
    }

    /** A copy of a schema with every {@code additionalProperties: false} lifted (the forward-compatible reading). */
    static JsonNode opened(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        if (copy instanceof ObjectNode root && root.has("$id")) {
            root.put("$id", root.get("$id").asText() + ":open");
        }
        lift(copy);
        return copy;
    }

    private static void lift(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode additional = object.get("additionalProperties");
            if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                object.remove("additionalProperties");
            }
        }
        node.forEach(EventSchemaRegistry::lift);
    }

    private static JsonNode read(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + path + " is missing from the classpath");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + path, e);
        }
    }
}
