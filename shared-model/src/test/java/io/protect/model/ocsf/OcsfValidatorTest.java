package io.protect.model.ocsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour of {@link OcsfValidator} on hand-written valid events and targeted breakages of them. */
class OcsfValidatorTest {

    private static final OcsfValidator VALIDATOR = OcsfValidator.instance();

    private static Violation only(ValidationResult result) {
        assertEquals(1, result.violations().size(), () -> "expected exactly one violation, got:\n" + result);
        return result.violations().get(0);
    }

    private static void assertValid(ObjectNode event) {
        ValidationResult result = VALIDATOR.validate(event);
        assertTrue(result.valid(), () -> "expected valid, got:\n" + result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"detection-finding-2004.json", "authentication-3002.json", "network-activity-4001.json"})
    void handWrittenEventsAreValid(String fixture) {
        assertValid(OcsfFixtures.event(fixture));
    }

    @Test
    void missingMetadataProductIsReportedAtItsPath() {
        ObjectNode event = OcsfFixtures.event("detection-finding-2004.json");
        ((ObjectNode) event.get("metadata")).remove("product");

        Violation v = only(VALIDATOR.validate(event));

        assertEquals("/metadata/product", v.path());
        assertEquals("required attribute is missing", v.message());
        assertEquals("/metadata/product: required attribute is missing", v.toString());
    }

    @Test
    void wrongTypeUidNamesTheExpectedValue() {
        ObjectNode event = OcsfFixtures.event("detection-finding-2004.json");
        event.put("type_uid", 200405);

        Violation v = only(VALIDATOR.validate(event));

        assertEquals("/type_uid", v.path());
        assertEquals("200405 does not match class_uid 2004 * 100 + activity_id 1 = 200401", v.message());
    }

    @Test
    void invalidIpv4OctetIsRejected() {
        ObjectNode event = OcsfFixtures.event("network-activity-4001.json");
        ((ObjectNode) event.get("src_endpoint")).put("ip", "10.0.0.300");

        Violation v = only(VALIDATOR.validate(event));

        assertEquals("/src_endpoint/ip", v.path());
        assertTrue(v.message().contains("\"10.0.0.300\" is not a valid ip_t"), v.message());
    }

    @Test
    void hostNameInAnIpAttributeIsRejectedWithoutResolvingIt() {
        ObjectNode event = OcsfFixtures.event("network-activity-4001.json");
        ((ObjectNode) event.get("dst_endpoint")).put("ip", "localhost");

        assertEquals("/dst_endpoint/ip", only(VALIDATOR.validate(event)).path());
    }

    @Test
    void unknownTopLevelAttributeIsRejected() {
        ObjectNode event = OcsfFixtures.event("authentication-3002.json");
        event.put("colour", "red");

        Violation v = only(VALIDATOR.validate(event));

        assertEquals("/colour", v.path());
        assertEquals("unknown attribute (not defined in class authentication)", v.message());
    }

    @Test
    void unknownAttributeInsideAnArrayOfObjectsIsRejected() {
        ObjectNode event = OcsfFixtures.event("detection-finding-2004.json");
        ((ObjectNode) event.get("observables").get(1)).put("colour", "red");

        Violation v = only(VALIDATOR.validate(event));

        assertEquals("/observables/1/colour", v.path());
        assertEquals("unknown attribute (not defined in object observable)", v.message());
    }

    @Test
    void anythingGoesInsideUnmapped() {
        ObjectNode event = OcsfFixtures.event("detection-finding-2004.json");
        ((ObjectNode) event.get("unmapped")).putObject("vendor").put("x", 1).putArray("y").add("z");

        assertValid(event);
    }

    @Test
    void severityIdOutsideTheEnumIsRejected() {
        ObjectNode event = OcsfFixtures.event("detection-finding-2004.json");
        event.put("severity_id", 42);

        Violation v = only(VALIDATOR.validate(event));

        assertEquals("/severity_id", v.path());
        assertEquals("42 is not a valid severity_id (expected one of 0,1,2,3,4,5,6,99)", v.message());
        assertEquals("/severity_id: 42 is not a valid severity_id (expected one of 0,1,2,3,4,5,6,99)", v.toString());
    }

    @Test
    void enumInsideAnArrayElementIsCheckedWithTheElementPath() {
        ObjectNode event = OcsfFixtures.event("detection-finding-2004.json");
        ((ObjectNode) event.get("observables").get(0)).put("type_id", 46);

        Violation v = only(VALIDATOR.validate(event));

        assertEquals("/observables/0/type_id", v.path());
        assertTrue(v.message().startsWith("46 is not a valid type_id (expected one of 0,1,2,"), v.message());
    }

    @Test
    void classSpecificActivityIdsAreMergedWithTheBaseEventOnes() {
        ObjectNode event = OcsfFixtures.event("detection-finding-2004.json");
        event.put("activity_id", 99).put("type_uid", 200499);
        assertValid(event);

        event.put("activity_id", 7).put("type_uid", 200407);
        Violation v = only(VALIDATOR.validate(event));
        assertEquals("/activity_id", v.path());
        assertEquals("7 is not a valid activity_id (expected one of 0,1,2,3,99)", v.message());
    }

    @Test
    void atLeastOneConstraintOfTheClassIsEnforced() {
        ObjectNode event = OcsfFixtures.event("network-activity-4001.json");
        event.remove(List.of("src_endpoint", "dst_endpoint"));
        ((ObjectNode) event.get("observables").get(0)).put("name", "connection_info.uid");

        Violation v = only(VALIDATOR.validate(event));

        assertEquals("", v.path());
        assertEquals("at least one of dst_endpoint, src_endpoint must be present"
                + " (at_least_one constraint of class network_activity)", v.message());
    }

    @Test
    void atLeastOneConstraintOfAnObjectIsEnforced() {
        ObjectNode event = OcsfFixtures.event("authentication-3002.json");
        ((ObjectNode) event.get("metadata").get("product")).remove(List.of("name", "uid"));

        Violation v = only(VALIDATOR.validate(event));

        assertEquals("/metadata/product", v.path());
        assertTrue(v.message().startsWith("at least one of name, uid must be present"), v.message());
    }

    @Test
    void justOneConstraintRejectsBothAndNeither() {
        ObjectNode event = authorizeSession();
        event.putArray("privileges").add("SeDebugPrivilege");
        assertValid(event);

        event.putObject("group").put("name", "Administrators");
        Violation both = only(VALIDATOR.validate(event));
        assertEquals("", both.path());
        assertEquals("exactly one of privileges, group must be present, found 2"
                + " (just_one constraint of class authorize_session)", both.message());

        event.remove(List.of("privileges", "group"));
        assertTrue(only(VALIDATOR.validate(event)).message().contains("found 0"));
    }

    private static ObjectNode authorizeSession() {
        ObjectNode event = OcsfFixtures.MAPPER.createObjectNode();
        event.put("class_uid", 3003).put("category_uid", 3).put("activity_id", 1).put("type_uid", 300301)
                .put("severity_id", 1).put("time", 1732291500000L);
        event.putObject("metadata").put("version", "1.8.0").putObject("product").put("name", "Windows");
        event.putObject("user").put("name", "alice");
        return event;
    }

    @Test
    void wrongJsonTypesAreReportedWithTheExpectedType() {
        ObjectNode event = OcsfFixtures.event("network-activity-4001.json");
        event.put("time", "2024-11-22T16:00:00Z");
        ((ObjectNode) event.get("traffic")).put("bytes_in", 12.5);
        ((ObjectNode) event.get("src_endpoint")).put("port", 70000);
        event.put("severity_id", "1");

        List<Violation> vs = VALIDATOR.validate(event).violations();

        assertEquals(List.of(
                new Violation("/severity_id", "expected integer_t, got string"),
                new Violation("/time", "expected timestamp_t (integral epoch milliseconds), got string"),
                new Violation("/src_endpoint/port", "70000 is outside the port_t range 0..65535"),
                new Violation("/traffic/bytes_in", "expected long_t, got float")),
                vs.stream().sorted((a, b) -> order(a.path()) - order(b.path())).toList());
    }

    private static int order(String path) {
        return List.of("/severity_id", "/time", "/src_endpoint/port", "/traffic/bytes_in").indexOf(path);
    }

    @Test
    void objectAndArrayShapesAreChecked() {
        ObjectNode event = OcsfFixtures.event("detection-finding-2004.json");
        event.put("device", "ws-042");
        event.putObject("finding_info").put("uid", "x").put("types", "Execution");

        List<Violation> vs = VALIDATOR.validate(event).violations();

        assertTrue(vs.contains(new Violation("/device", "expected object device, got string")), vs::toString);
        assertTrue(vs.contains(new Violation("/finding_info/types", "expected an array of string_t, got string")),
                vs::toString);
        assertEquals(2, vs.size(), vs::toString);
    }

    @Test
    void profileAttributesAreRequiredOnlyWhenTheEventDeclaresTheProfile() {
        ObjectNode event = OcsfFixtures.event("network-activity-4001.json");
        assertValid(event); // the cloud profile's required "cloud" is not demanded

        event.withArray("/metadata/profiles").add("cloud");
        Violation v = only(VALIDATOR.validate(event));
        assertEquals("/cloud", v.path());
        assertEquals("required attribute is missing", v.message());

        event.putObject("cloud").put("provider", "AWS");
        assertValid(event);
    }

    @Test
    void undeclaredProfileAttributeIsStillAllowedWhenTheClassIncludesTheProfile() {
        ObjectNode event = OcsfFixtures.event("authentication-3002.json");
        event.putObject("cloud").put("provider", "AWS").put("region", "eu-west-1");

        assertValid(event);
    }

    @Test
    void unknownProfileNameIsRejected() {
        ObjectNode event = OcsfFixtures.event("authentication-3002.json");
        event.withArray("/metadata/profiles").add("datetime").add("fancy");

        Violation v = only(VALIDATOR.validate(event));

        assertEquals("/metadata/profiles/1", v.path());
        assertTrue(v.message().startsWith("\"fancy\" is not a known profile"), v.message());
    }

    @Test
    void datetimeSiblingsMustBeRfc3339() {
        ObjectNode event = OcsfFixtures.event("detection-finding-2004.json");
        event.put("time_dt", "22/11/2024 16:00");

        Violation v = only(VALIDATOR.validate(event));

        assertEquals("/time_dt", v.path());
        assertEquals("\"22/11/2024 16:00\" is not a valid datetime_t (does not match its pattern)", v.message());
    }

    @Test
    void maxLenOfTheTypeIsEnforced() {
        ObjectNode event = OcsfFixtures.event("detection-finding-2004.json");
        ((ObjectNode) event.get("device")).put("mac", "00:1A:2B:3C:4D:5E:00:1A:2B:3C:4D:5E");

        Violation v = only(VALIDATOR.validate(event));

        assertEquals("/device/mac", v.path());
        assertEquals("length 35 exceeds the mac_t max_len of 32", v.message());
    }

    @Test
    void categoryUidMustMatchTheClass() {
        ObjectNode event = OcsfFixtures.event("authentication-3002.json");
        event.put("category_uid", 2);

        Violation v = only(VALIDATOR.validate(event));

        assertEquals("/category_uid", v.path());
        assertEquals("2 does not match class_uid 3002, which belongs to category_uid 3", v.message());
    }

    @Test
    void unknownOrMissingClassStopsValidation() {
        ObjectNode event = OcsfFixtures.event("authentication-3002.json");
        event.put("class_uid", 3999);
        assertEquals(new Violation("/class_uid", "3999 is not a known class_uid in OCSF 1.8.0"),
                only(VALIDATOR.validate(event)));

        event.remove("class_uid");
        assertEquals(new Violation("/class_uid", "required attribute is missing"), only(VALIDATOR.validate(event)));
    }

    @Test
    void malformedJsonIsOneViolationAtTheRoot() {
        Violation v = only(VALIDATOR.validate("{\"class_uid\": 2004,"));

        assertEquals("", v.path());
        assertTrue(v.message().startsWith("malformed JSON"), v.message());
        assertEquals("", only(VALIDATOR.validate("{} {}")).path());
        assertEquals("", only(VALIDATOR.validate("")).path());
        assertEquals(new Violation("", "an OCSF event must be a JSON object, got array"), only(VALIDATOR.validate("[]")));
    }

    @Test
    void stringInputIsParsedAndValidated() {
        String json = OcsfFixtures.event("authentication-3002.json").toString();

        assertTrue(VALIDATOR.validate(json).valid());
    }

    @Test
    void jsonPointerTokensAreEscaped() {
        ObjectNode event = OcsfFixtures.event("authentication-3002.json");
        event.put("a/b~c", 1);

        assertEquals("/a~1b~0c", only(VALIDATOR.validate(event)).path());
    }

    @Test
    void theSchemaIsLoadedOnceAndShared() {
        assertSame(OcsfValidator.instance(), OcsfValidator.instance());
        assertEquals("1.8.0", new OcsfValidator().schemaVersion());
    }
}
