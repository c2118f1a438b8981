package io.protect.normalize.mapping.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.Enrichment;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.normalize.mapping.Enrichments;
import io.protect.ocsf.model.enums.AccountChangeActivityId;
import io.protect.ocsf.model.enums.AuthProtocolId;
import io.protect.ocsf.model.enums.AuthenticationActivityId;
import io.protect.ocsf.model.enums.FingerprintAlgorithmId;
import io.protect.ocsf.model.enums.LogonTypeId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.events.AccountChange;
import io.protect.ocsf.model.events.Authentication;
import io.protect.ocsf.model.events.AuthorizeSession;
import io.protect.ocsf.model.events.BaseEvent;
import io.protect.ocsf.model.events.ProcessActivity;
import io.protect.ocsf.model.objects.Fingerprint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows Security mapper edge cases on real samples (some edited to reach a branch); real OCSF validator. */
class WindowsMapperEdgeTest {

    private static final List<WindowsEventSamples.Sample> SAMPLES = WindowsEventSamples.windows();
    private final OcsfValidator validator = OcsfValidator.instance();

    private Record map(JsonNode event, Enrichment enrichment) {
        Record r = WindowsMappers.forEvent(event).map(WindowsEventSamples.enriched(SourceFormat.WINDOWS, event, enrichment),
                WindowsEventSamples.context());
        var result = validator.validate(Json.MAPPER.valueToTree(r));
        assertTrue(result.valid(), result::toString);
        return r;
    }

    private Record map(JsonNode event) {
        return map(event, Enrichments.none());
    }

    @Test
    void failedLogonFromNxlogHonoursTheRecoveredOffsetAndExplainsTheSubStatus() {
        ObjectNode e = WindowsEventSamples.find(SAMPLES, "otrf-nxlog", "0xc000006a");
        Authentication a = (Authentication) map(e);
        // EventTime 04:29:53 local; EventReceivedTime 04:29:55 local = @timestamp 08:29:55.210Z → UTC-4.
        assertEquals(Instant.parse("2020-10-22T08:29:53Z").toEpochMilli(), a.time());
        assertEquals(-240, a.timezoneOffset());
        assertEquals("2020-10-22 04:29:53", a.metadata().originalTime());
        assertEquals(AuthenticationActivityId.LOGON, a.activityId());
        assertEquals(StatusId.FAILURE, a.statusId());
        assertEquals("0xc000006a", a.statusCode());
        assertTrue(a.statusDetail().contains("password is wrong"), a.statusDetail());
        assertTrue(a.statusDetail().contains("0xc000006d"), "the status is kept next to the sub-status");
        assertEquals("lrodriguez", a.user().name());
        assertEquals("theshire.local", a.user().domain());
        assertEquals(LogonTypeId.INTERACTIVE, a.logonTypeId());
        assertEquals(Boolean.FALSE, a.isRemote());
        assertEquals(0x1d60, a.logonProcess().pid());
        assertEquals("Advapi", a.logonProcess().name());
        assertTrue(a.logonProcess().path().endsWith("PurpleSharp.exe"));
        assertEquals(AuthProtocolId.NTLM, a.authProtocolId(), "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0 is NTLM");
        assertEquals("WORKSTATION5", a.srcEndpoint().hostname());
        assertNull(a.srcEndpoint().ip());
        // "-" placeholders and the %%2313 message id are not dropped.
        assertEquals("-", a.unmapped().path("IpAddress").asText());
        assertEquals("%%2313", a.unmapped().path("FailureReason").asText());
        assertEquals("WORKSTATION5.theshire.local", a.device().hostname());
        assertEquals("theshire.local", a.device().domain());
        assertEquals("Security", a.metadata().logName());
        assertEquals("Microsoft-Windows-Security-Auditing", a.metadata().logProvider());
        assertEquals("NXLog JSON", a.metadata().logFormat());
    }

    @Test
    void xmlLogonUsesSystemTimeAsUtcAndKeepsPortZeroUnmapped() {
        ObjectNode e = SAMPLES.get(0).event(); // evtx-attack-samples-security.xml line 1
        Authentication a = (Authentication) map(e);
        assertEquals(Instant.parse("2019-02-13T18:02:04.426Z").toEpochMilli(), a.time());
        assertEquals(0, a.timezoneOffset());
        assertEquals(StatusId.SUCCESS, a.statusId(), "from Keywords 0x8020000000000000 (Audit Success)");
        assertEquals("user01", a.user().name());
        assertEquals("S-1-5-21-1587066498-1489273250-1035260531-1106", a.user().uid());
        assertEquals("0x00000000001414c8", a.session().uid());
        assertEquals(LogonTypeId.CACHED_INTERACTIVE, a.logonTypeId());
        assertEquals("127.0.0.1", a.srcEndpoint().ip());
        assertNull(a.srcEndpoint().port());
        assertEquals("0", a.unmapped().path("EventData").path("IpPort").asText());
        assertEquals("PC01$", a.actor().user().name());
        assertEquals(AuthProtocolId.OTHER, a.authProtocolId());
        assertEquals("Negotiate", a.authProtocol());
        assertEquals(227701, a.metadata().sequence());
        assertEquals("4624", a.metadata().eventCode());
        assertEquals("", a.unmapped().path("System").path("EventIDQualifiers").asText("missing"));
    }

    @Test
    void logoffAndExplicitCredentials() {
        Authentication off = (Authentication) map(WindowsEventSamples.find(SAMPLES, "sekoia", "\"event_id\":\"4634\""));
        assertEquals(AuthenticationActivityId.LOGOFF, off.activityId());
        assertEquals(2, off.typeUid() % 100);
        Authentication explicit = (Authentication) map(WindowsEventSamples.find(SAMPLES, "evtx-attack", "\"EventID\":\"4648\""));
        assertEquals(AuthenticationActivityId.LOGON, explicit.activityId());
        assertFalse(explicit.dstEndpoint().hostname().isBlank(), "TargetServerName");
        assertTrue(explicit.actor().process() != null && explicit.actor().process().pid() != null, "the process using the credentials");
    }

    @Test
    void privilegesProcessAndAccountEvents() {
        AuthorizeSession s = (AuthorizeSession) map(WindowsEventSamples.find(SAMPLES, "ocsf-examples", "\"EventID\":\"4672\""));
        assertTrue(s.privileges().contains("SeDebugPrivilege") || s.privileges().size() > 1, s.privileges()::toString);
        assertTrue(s.privileges().stream().allMatch(p -> p.startsWith("Se")), s.privileges()::toString);

        ProcessActivity p = (ProcessActivity) map(WindowsEventSamples.find(SAMPLES, "evtx-attack", "TSTheme.exe"));
        assertEquals(1, p.activityId().value());
        assertEquals(0x1fc, p.process().pid());
        assertEquals("TSTheme.exe", p.process().name());
        assertEquals("C:\\Windows\\System32\\TSTheme.exe", p.process().path());
        assertEquals(0x278, p.process().parentProcess().pid());
        assertEquals(0x278, p.actor().process().pid());
        assertEquals("PC01$", p.actor().user().name());
        assertNull(p.process().cmdLine(), "an empty CommandLine is not a command line");
        assertEquals("", p.unmapped().path("EventData").path("CommandLine").asText("missing"));

        AccountChange created = (AccountChange) map(WindowsEventSamples.find(SAMPLES, "otrf-nxlog", "\"EventID\":4720"));
        assertEquals(AccountChangeActivityId.CREATE, created.activityId());
        assertTrue(created.user().uid().startsWith("S-1-5-21-"));
        AccountChange deleted = (AccountChange) map(WindowsEventSamples.find(SAMPLES, "otrf-nxlog", "\"EventID\":4726"));
        assertEquals(AccountChangeActivityId.DELETE, deleted.activityId());
    }

    @Test
    void lockoutNamesTheCallerComputer() {
        // No sample holds 4740: a real 4726 re-labelled, with 4740's meaning of TargetDomainName.
        ObjectNode e = WindowsEventSamples.find(SAMPLES, "otrf-nxlog", "\"EventID\":4726");
        e.put("EventID", 4740);
        e.put("TargetDomainName", "WORKSTATION5");
        AccountChange a = (AccountChange) map(e);
        assertEquals(AccountChangeActivityId.LOCK, a.activityId());
        assertEquals("WORKSTATION5", a.srcEndpoint().hostname());
        assertNull(a.user().domain());
    }

    @Test
    void otherEventIdsFallBackToABaseEventWithEverythingUnmapped() {
        ObjectNode e = WindowsEventSamples.find(SAMPLES, "sekoia", "\"event_id\":\"5145\"");
        BaseEvent b = (BaseEvent) map(e);
        assertEquals(0, b.classUid());
        assertEquals("5145", b.metadata().eventCode());
        assertTrue(b.unmapped().path("winlog").path("event_data").has("ShareName"));
        assertTrue(WindowsMappers.forEvent(e) instanceof WindowsFallbackMapper);
    }

    @Test
    void enrichmentIsCarriedIntoTheEvent() {
        ObjectNode e = SAMPLES.get(0).event().deepCopy();
        ((ObjectNode) e.get("EventData")).put("IpAddress", "203.0.113.7");
        Enrichment enrichment = Enrichments.parse("""
                {"partial": false,
                 "geo": {"source": {"ip": "203.0.113.7", "countryCode": "NL", "city": "Amsterdam"}},
                 "intel": [{"indicator": "203.0.113.7", "type": "ip", "confidence": 90, "source": "feed"}],
                 "risk": {"score": 75, "factors": [{"name": "intel-hit", "contribution": 40}]}}""");
        Authentication a = (Authentication) map(e, enrichment);
        assertEquals(75, a.riskScore());
        assertTrue(a.observables().stream().anyMatch(o -> "203.0.113.7".equals(o.value()) && o.reputation() != null));
        assertFalse(a.enrichments().isEmpty());
    }

    @Test
    void timesWithSevenFractionDigitsOrAnOffset() {
        assertEquals(Instant.parse("2019-02-13T18:02:04.426662Z"),
                WinEvent.parseUtcDefault("2019-02-13T18:02:04.4266620Z").orElseThrow().instant());
        var p = WinEvent.parseUtcDefault("2019-02-13 20:02:04.5+02:00").orElseThrow();
        assertEquals(Instant.parse("2019-02-13T18:02:04.5Z"), p.instant());
        assertEquals(120, p.offsetMinutes());
        assertEquals(Instant.parse("2019-02-13T18:02:04Z"), WinEvent.parseUtcDefault("2019-02-13 18:02:04").orElseThrow().instant());
        assertTrue(WinEvent.parseUtcDefault("yesterday").isEmpty());
        ObjectNode e = SAMPLES.get(0).event().deepCopy();
        ((ObjectNode) e.path("System").path("TimeCreated")).put("SystemTime", "yesterday");
        Authentication a = (Authentication) map(e);
        assertEquals(WindowsEventSamples.context().receivedAt().toEpochMilli(), a.time());
        assertEquals("yesterday", a.unmapped().path("System").path("TimeCreated").path("SystemTime").asText());
    }

    @Test
    void hashesAndPidsAndIntegrity() {
        List<Fingerprint> h = WindowsParts.hashes("SHA1=AB12,MD5=CD34,SHA256=EF56,IMPHASH=0099,, junk");
        assertEquals(4, h.size());
        assertEquals(FingerprintAlgorithmId.SHA_1, h.get(0).algorithmId());
        assertEquals(FingerprintAlgorithmId.MD5, h.get(1).algorithmId());
        assertEquals(FingerprintAlgorithmId.SHA_256, h.get(2).algorithmId());
        assertEquals("EF56", h.get(2).value());
        assertEquals(FingerprintAlgorithmId.OTHER, h.get(3).algorithmId());
        assertEquals("IMPHASH", h.get(3).algorithm());
        assertEquals(508, WinEvent.parseInt("0x000001fc").orElseThrow());
        assertEquals(4504, WinEvent.parseInt("4504").orElseThrow());
        assertTrue(WinEvent.parseInt("0xffffffffffffffff").isEmpty());
        assertEquals("High", WindowsParts.integrity("S-1-16-12288").caption());
        assertEquals(LogonTypeId.REMOTE_INTERACTIVE, WindowsParts.logonType(10));
        assertEquals(LogonTypeId.OTHER, WindowsParts.logonType(6));
    }

    @Test
    void theNothingLostCheckCatchesAConsumedFieldThatWasNotMapped() {
        JsonNode source = Json.parse("{\"a\": \"kept\", \"b\": \"used\", \"c\": \"dropped-value\"}");
        JsonNode ocsf = Json.parse("{\"message\": \"used\", \"unmapped\": {\"a\": \"kept\"}, \"raw_data\": \"dropped-value\"}");
        assertThrows(AssertionError.class, () -> NothingLost.check("meta", source, ocsf));
        JsonNode fine = Json.parse("{\"message\": \"used\", \"unmapped\": {\"a\": \"kept\", \"c\": \"dropped-value\"}}");
        NothingLost.check("meta", source, fine);
    }
}
