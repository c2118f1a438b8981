package io.protect.tools.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The OCSF schema after resolving {@code extends}, {@code $include}, profiles and dictionary
 * merging: the single input of both emitters (Java model and resolved-schema resource).
 *
 * @param version the schema version from {@code version.json}
 * @param types the dictionary data types, by name
 * @param profiles the names of all profiles defined by the schema
 * @param dictionary the dictionary attributes after object-type normalisation, by name
 * @param profileAttributes each profile's attributes merged onto the dictionary, by profile name
 * @param objects the concrete (non-abstract) objects, by name
 * @param classes the concrete event classes (including {@code base_event}), by name
 */
public record ResolvedSchema(
        String version,
        SortedMap<String, TypeDef> types,
        SortedSet<String> profiles,
        SortedMap<String, AttributeDef> dictionary,
        SortedMap<String, SortedMap<String, AttributeDef>> profileAttributes,
        SortedMap<String, EntityDef> objects,
        SortedMap<String, EntityDef> classes) {

    /** The pseudo type of attributes whose value is an OCSF object. */
    public static final String OBJECT_T = "object_t";

    /** The name of the open-ended object type that accepts any content ({@code unmapped}). */
    public static final String OPEN_OBJECT = "object";

    /**
     * A dictionary data type with its constraints flattened from its super type.
     *
     * @param name the type name, e.g. {@code port_t}
     * @param caption the human caption
     * @param description the schema description (HTML)
     * @param base the primitive type this type is stored as, e.g. {@code integer_t}
     * @param regex the pattern values must match, or null
     * @param range the inclusive [min, max] array, or null
     * @param maxLen the maximum string length in code points, or null
     * @param values the only allowed values (boolean_t), or null
     */
    public record TypeDef(
            String name,
            String caption,
            String description,
            String base,
            String regex,
            JsonNode range,
            Integer maxLen,
            JsonNode values) {}

    /**
     * One enumeration value of an attribute.
     *
     * @param key the value as written in the schema (an integer for integer attributes)
     * @param caption the human caption
     * @param description the schema description (HTML), may be null
     */
    public record EnumValue(String key, String caption, String description) {}

    /**
     * An attribute after merging the dictionary definition with every override on the way.
     *
     * @param name the snake_case attribute name
     * @param caption the human caption
     * @param description the description (HTML), may be null
     * @param type a dictionary type name, or {@link #OBJECT_T}
     * @param objectType the object name when {@code type} is {@link #OBJECT_T}
     * @param isArray whether the value is a JSON array of {@code type}
     * @param requirement required, recommended or optional
     * @param enumValues the allowed values in schema order (numeric for integer types), empty if none
     * @param profile the profile that contributed this attribute, or null if always present
     */
    public record AttributeDef(
            String name,
            String caption,
            String description,
            String type,
            String objectType,
            boolean isArray,
            String requirement,
            List<EnumValue> enumValues,
            String profile) {

        /** True when this attribute holds an OCSF object (or array of them). */
        public boolean isObject() {
            return OBJECT_T.equals(type);
        }
    }

    /** Whether an entity is an event class or an object. */
    public enum Kind {
        CLASS,
        OBJECT
    }

    /**
     * A resolved event class or object.
     *
     * @param kind class or object
     * @param name the snake_case name
     * @param caption the human caption
     * @param description the description (HTML)
     * @param classUid for classes, {@code category_uid * 1000 + uid}; null for objects
     * @param categoryUid for classes, the category uid (0 for base_event); null for objects
     * @param categoryName for classes, the category caption; null for objects
     * @param attributes the attributes by name
     * @param constraints constraint kind ({@code at_least_one}, {@code just_one}) to attribute names
     * @param profiles the profiles that apply to this entity
     */
    public record EntityDef(
            Kind kind,
            String name,
            String caption,
            String description,
            Integer classUid,
            Integer categoryUid,
            String categoryName,
            SortedMap<String, AttributeDef> attributes,
            SortedMap<String, List<String>> constraints,
            SortedSet<String> profiles) {}
}
