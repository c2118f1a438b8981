package io.protect.tools.ocsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.protect.tools.ocsf.ResolvedSchema.AttributeDef;
import io.protect.tools.ocsf.ResolvedSchema.EntityDef;
import io.protect.tools.ocsf.ResolvedSchema.EnumValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Resolution of the fixture schema: extends, $include, profiles, enums, uids, datetime, types. */
class SchemaResolverTest {

    private static ResolvedSchema schema;

    @BeforeAll
    static void resolve() throws IOException {
        schema = SchemaResolver.resolve(Fixture.schemaDir());
    }

    private static EntityDef thingActivity() {
        return schema.classes().get("thing_activity");
    }

    private static List<String> keys(AttributeDef a) {
        return a.enumValues().stream().map(EnumValue::key).toList();
    }

    private static List<String> captions(AttributeDef a) {
        return a.enumValues().stream().map(EnumValue::caption).toList();
    }

    @Test
    void classUidIsCategoryTimesThousandPlusClassUid() {
        assertEquals(2007, thingActivity().classUid());
        assertEquals(2, thingActivity().categoryUid());
        assertEquals("Findings", thingActivity().categoryName());
        assertEquals(0, schema.classes().get("base_event").classUid());
        assertEquals(0, schema.classes().get("base_event").categoryUid());
    }

    @Test
    void categoryLevelBasesWithoutUidAreNotClasses() {
        assertEquals(List.of("base_event", "thing_activity"), List.copyOf(schema.classes().keySet()));
    }

    @Test
    void activityEnumMergesDictionaryBaseEventAndCategoryValues() {
        AttributeDef activity = thingActivity().attributes().get("activity_id");

        assertEquals(List.of("0", "1", "2", "99"), keys(activity));
        assertEquals(List.of("Unknown", "Create", "Update", "Other"), captions(activity));
        assertEquals("required", activity.requirement());
    }

    @Test
    void attributesAreInheritedThroughTheWholeChain() {
        Map<String, AttributeDef> attrs = thingActivity().attributes();

        assertEquals("required", attrs.get("metadata").requirement()); // from base_event
        assertEquals("recommended", attrs.get("widget").requirement()); // from thing
        assertEquals("Overridden description.", attrs.get("severity_id").description()); // own override
        assertEquals("Severity ID", attrs.get("severity_id").caption()); // from the dictionary
        assertEquals(ResolvedSchema.OBJECT_T, attrs.get("metadata").type());
        assertEquals("metadata", attrs.get("metadata").objectType());
        assertEquals(List.of("message", "widget"), thingActivity().constraints().get("at_least_one"));
    }

    @Test
    void classIdentityAttributesCarryNoStaticEnum() {
        assertTrue(thingActivity().attributes().get("category_uid").enumValues().isEmpty());
        assertTrue(thingActivity().attributes().get("class_uid").enumValues().isEmpty());
    }

    @Test
    void includedProfileAttributesAreTaggedWithTheirProfile() {
        Map<String, AttributeDef> attrs = thingActivity().attributes();

        assertEquals("cloud", attrs.get("cloud").profile()); // via base_event's $include
        assertEquals("required", attrs.get("cloud").requirement());
        assertEquals("host", attrs.get("ip").profile()); // via the class's own $include
        assertEquals("required", attrs.get("ip").requirement());
        assertNull(attrs.get("message").profile());
    }

    @Test
    void profileNullInTheClassMakesAnIncludedAttributeUnconditional() {
        AttributeDef port = thingActivity().attributes().get("port");

        assertNull(port.profile());
        assertEquals("recommended", port.requirement());
        assertEquals("port_t", port.type());
    }

    @Test
    void profilesListMergesAlongExtendsAndAddsDatetime() {
        assertEquals(List.of("cloud", "datetime", "host"), List.copyOf(thingActivity().profiles()));
        assertEquals(List.of("cloud", "datetime"), List.copyOf(schema.classes().get("base_event").profiles()));
    }

    @Test
    void timestampsGetAnOptionalDatetimeSibling() {
        AttributeDef timeDt = thingActivity().attributes().get("time_dt");

        assertEquals("datetime_t", timeDt.type());
        assertEquals("datetime", timeDt.profile());
        assertEquals("optional", timeDt.requirement());
        assertFalse(thingActivity().attributes().containsKey("message_dt"));
    }

    @Test
    void abstractObjectsOnlyContributeThroughExtends() {
        assertFalse(schema.objects().containsKey("_entity"));
        EntityDef widget = schema.objects().get("widget");

        assertEquals("recommended", widget.attributes().get("name").requirement());
        assertEquals(List.of("name", "uid"), widget.constraints().get("at_least_one"));
        assertEquals("required", widget.attributes().get("state_id").requirement());
    }

    @Test
    void objectExtendingAConcreteObjectMergesItsEnumAndCanDropAttributes() {
        EntityDef gadget = schema.objects().get("gadget");
        AttributeDef state = gadget.attributes().get("state_id");

        assertEquals(List.of("0", "1", "2", "99"), keys(state));
        assertEquals("Off", state.enumValues().get(2).caption());
        assertEquals("required", state.requirement()); // inherited from widget
        assertTrue(gadget.attributes().containsKey("package"));
        assertFalse(gadget.attributes().containsKey("gadgets")); // "gadgets": null removes it
        assertEquals(List.of("name", "uid"), gadget.constraints().get("at_least_one"));
        assertEquals(List.of("0", "1", "99"), keys(schema.objects().get("widget").attributes().get("state_id")));
    }

    @Test
    void arrayAndObjectTypesComeFromTheDictionary() {
        AttributeDef gadgets = schema.objects().get("widget").attributes().get("gadgets");

        assertTrue(gadgets.isArray());
        assertEquals("gadget", gadgets.objectType());
        assertEquals("object", thingActivity().attributes().get("unmapped").objectType());
    }

    @Test
    void typesFlattenTheirBaseAndConstraints() {
        assertEquals("long_t", schema.types().get("timestamp_t").base());
        assertEquals("integer_t", schema.types().get("port_t").base());
        assertEquals("[0,65535]", schema.types().get("port_t").range().toString());
        assertEquals(40, schema.types().get("ip_t").maxLen());
        assertEquals("string_t", schema.types().get("string_t").base());
    }

    @Test
    void profileDefinitionsAreResolvedOnTheirOwn() {
        assertEquals(List.of("cloud", "host"), List.copyOf(schema.profiles()));
        assertEquals("host", schema.profileAttributes().get("host").get("ip").profile());
        assertEquals("9.9.9", schema.version());
    }
}
