package io.protect.normalize.mapping.guardduty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.normalize.mapping.okta.SourceSamples;
import io.protect.ocsf.model.enums.DetectionFindingStatusId;
import io.protect.ocsf.model.enums.DirectionId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.events.DetectionFinding;
import io.protect.ocsf.model.objects.ResourceDetails;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** GuardDutyFindingMapper on chosen real findings and edited copies; real validator, nothing faked. */
class GuardDutyFindingMapperTest {

    private final OcsfValidator validator = OcsfValidator.instance();
    private final GuardDutyFindingMapper mapper = new GuardDutyFindingMapper();

    static ObjectNode find(String file, int line) {
        return SourceSamples.load("guardduty", List.of(file)).stream().filter(s -> s.line() == line).findFirst().orElseThrow()
                .event().deepCopy();
    }

    private DetectionFinding map(JsonNode event) {
        DetectionFinding f = mapper.map(SourceSamples.enriched(SourceFormat.GUARDDUTY, event), SourceSamples.context());
        var result = validator.validate(Json.MAPPER.valueToTree(f));
        assertTrue(result.valid(), result::toString);
        return f;
    }

    private static ResourceDetails resource(DetectionFinding f, String type) {
        return f.resources().stream().filter(r -> type.equals(r.type())).findFirst().orElseThrow(() -> new AssertionError(type));
    }

    @Test
    void severityBands() {
        assertEquals(SeverityId.LOW, GuardDutyFindingMapper.severity(OptionalDouble.of(0.1)));
        assertEquals(SeverityId.LOW, GuardDutyFindingMapper.severity(OptionalDouble.of(3.9)));
        assertEquals(SeverityId.MEDIUM, GuardDutyFindingMapper.severity(OptionalDouble.of(4)));
        assertEquals(SeverityId.MEDIUM, GuardDutyFindingMapper.severity(OptionalDouble.of(6.9)));
        assertEquals(SeverityId.HIGH, GuardDutyFindingMapper.severity(OptionalDouble.of(7)));
        assertEquals(SeverityId.HIGH, GuardDutyFindingMapper.severity(OptionalDouble.of(8.9)));
        assertEquals(SeverityId.CRITICAL, GuardDutyFindingMapper.severity(OptionalDouble.of(9)));
        assertEquals(SeverityId.UNKNOWN, GuardDutyFindingMapper.severity(OptionalDouble.of(0)));
        assertEquals(SeverityId.UNKNOWN, GuardDutyFindingMapper.severity(OptionalDouble.empty()));
    }

    @Test
    void anApiCallFromAMaliciousIpWithAccessKeyAndInstance() {
        DetectionFinding f = map(find("sekoia-guardduty.ndjson", 1));
        assertEquals("16dd674a4cb5437c9a66d14f11839b02", f.findingInfo().uid());
        assertEquals(List.of("UnauthorizedAccess:IAMUser/MaliciousIPCaller"), f.findingInfo().types());
        assertEquals(SeverityId.MEDIUM, f.severityId(), "5");
        assertEquals(5, f.unmapped().path("severity").asInt(), "the vendor score stays");
        assertEquals(Instant.parse("2023-03-20T15:33:12.406Z").toEpochMilli(), f.time());
        assertEquals(Instant.parse("2023-03-20T15:33:12Z").toEpochMilli(), f.findingInfo().firstSeenTime());
        assertEquals(1, f.count());
        assertEquals(DetectionFindingStatusId.NEW, f.statusId(), "archived false");
        ResourceDetails key = resource(f, "AccessKey");
        assertEquals("GeneratedFindingAccessKeyId", key.uid());
        assertEquals("GeneratedFindingUserName", key.owner().name());
        assertEquals("GeneratedFindingPrincipalId", key.owner().uid());
        ResourceDetails instance = resource(f, "Instance");
        assertEquals("i-99999999", instance.uid());
        assertEquals("m3.xlarge", instance.data().path("instanceType").asText());
        var e = f.evidences().get(0);
        assertEquals("198.51.100.0", e.srcEndpoint().ip());
        assertEquals("GeneratedFindingCountryName", e.srcEndpoint().location().country());
        assertEquals("GeneratedFindingCityName", e.srcEndpoint().location().city());
        assertEquals("GeneratedFindingASNOrg", e.srcEndpoint().autonomousSystem().name());
        assertNull(e.srcEndpoint().autonomousSystem().number(), "asn -1 is no number");
        assertEquals("GeneratedFindingAPIName", e.api().operation());
        assertEquals("AccessDenied", e.api().response().error());
        assertEquals("111111111111", f.cloud().account().uid());
        assertEquals("eu-west-2", f.cloud().region());
        assertEquals("aws", f.cloud().cloudPartition());
        assertEquals("4b85f358-65e7-49b6-b9ae-b3816303fb12", f.metadata().product().uid());
        assertTrue(f.observables().stream().anyMatch(o -> o.value().equals("198.51.100.0")));
    }

    @Test
    void s3AndContainerResources() {
        DetectionFinding s3 = map(find("sekoia-guardduty.ndjson", 4));
        assertTrue(s3.resources().stream().anyMatch(r -> "S3Bucket".equals(r.type()) && r.uid() != null));
        DetectionFinding container = map(find("sekoia-guardduty.ndjson", 3));
        assertTrue(container.resources().stream().anyMatch(r -> "Container".equals(r.type())));
        assertTrue(container.resources().stream().anyMatch(r -> "EbsVolume".equals(r.type())), "other *Details keep their type");
        assertNull(container.evidences(), "no action, no evidence");
    }

    @Test
    void anAttackSequenceWithZoneLessTimesIsCritical() {
        DetectionFinding f = map(find("panther-guardduty.ndjson", 1));
        assertEquals(SeverityId.CRITICAL, f.severityId());
        assertEquals(Instant.parse("2025-02-25T20:40:06.721Z").toEpochMilli(), f.time());
        assertEquals("AttackSequence", f.resources().get(0).type());
        assertNull(f.unmapped().path("resource").get("resourceType"));
    }

    @Test
    void aDomainCallerBecomesTheSourceDomain() {
        DetectionFinding f = map(find("panther-guardduty.ndjson", 3));
        assertEquals("cloudformation.amazonaws.com", f.evidences().get(0).srcEndpoint().domain());
        assertEquals("PutRolePolicy", f.evidences().get(0).api().operation());
        assertEquals(SeverityId.HIGH, f.severityId(), "8");
    }

    @Test
    void networkConnectionsByDirection() {
        ObjectNode event = find("sekoia-guardduty.ndjson", 3);
        ((ObjectNode) event.get("service")).set("action", Json.parse("""
                {"actionType": "NETWORK_CONNECTION",
                 "networkConnectionAction": {"connectionDirection": "OUTBOUND", "protocol": "TCP", "blocked": false,
                   "localIpDetails": {"ipAddressV4": "10.0.0.23"}, "localPortDetails": {"port": 50432, "portName": "Unknown"},
                   "remoteIpDetails": {"ipAddressV4": "203.0.113.9", "country": {"countryName": "Netherlands"},
                                        "organization": {"asn": "64500", "asnOrg": "Example", "isp": "Ex", "org": "Ex Org"}},
                   "remotePortDetails": {"port": 443, "portName": "HTTPS"}}}
                """));
        DetectionFinding out = map(event);
        var e = out.evidences().get(0);
        assertEquals("10.0.0.23", e.srcEndpoint().ip());
        assertEquals(50432, e.srcEndpoint().port());
        assertEquals("203.0.113.9", e.dstEndpoint().ip());
        assertEquals(443, e.dstEndpoint().port());
        assertEquals(64500, e.dstEndpoint().autonomousSystem().number());
        assertEquals(DirectionId.OUTBOUND, e.connectionInfo().directionId());
        assertEquals(6, e.connectionInfo().protocolNum());
        assertEquals("HTTPS", out.unmapped().path("service").path("action").path("networkConnectionAction")
                .path("remotePortDetails").path("portName").asText());
        ((ObjectNode) event.get("service").get("action").get("networkConnectionAction")).put("connectionDirection", "INBOUND");
        var in = map(event).evidences().get(0);
        assertEquals("203.0.113.9", in.srcEndpoint().ip());
        assertEquals(DirectionId.INBOUND, in.connectionInfo().directionId());
    }

    @Test
    void portProbesAndDnsRequests() {
        ObjectNode event = find("sekoia-guardduty.ndjson", 3);
        ((ObjectNode) event.get("service")).set("action", Json.parse("""
                {"actionType": "PORT_PROBE", "portProbeAction": {"blocked": false, "portProbeDetails": [
                  {"localPortDetails": {"port": 22, "portName": "SSH"}, "remoteIpDetails": {"ipAddressV4": "198.51.100.7"}}]},
                 "dnsRequestAction": {"domain": "evil.example", "protocol": "UDP", "blocked": true}}
                """));
        DetectionFinding f = map(event);
        var e = f.evidences().get(0);
        assertEquals("198.51.100.7", e.srcEndpoint().ip());
        assertEquals(22, e.dstEndpoint().port());
        assertEquals("evil.example", e.query().hostname());
        assertTrue(f.unmapped().path("service").path("action").path("portProbeAction").path("portProbeDetails").isArray(),
                "the probes stay whole");
    }

    @Test
    void archivedFindingsAndConfidence() {
        ObjectNode event = find("sekoia-guardduty.ndjson", 1);
        ((ObjectNode) event.get("service")).put("archived", true);
        event.put("confidence", 7.5);
        DetectionFinding f = map(event);
        assertEquals(DetectionFindingStatusId.ARCHIVED, f.statusId());
        assertEquals(75, f.confidenceScore());
    }

    @Test
    void theInputIsNotChanged() {
        ObjectNode event = find("sekoia-guardduty.ndjson", 2);
        ObjectNode before = event.deepCopy();
        map(event);
        assertEquals(before, event);
    }
}
