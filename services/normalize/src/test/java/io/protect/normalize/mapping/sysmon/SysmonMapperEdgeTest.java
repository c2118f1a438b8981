package io.protect.normalize.mapping.sysmon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.SourceFormat;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.normalize.mapping.Enrichments;
import io.protect.normalize.mapping.windows.WindowsEventSamples;
import io.protect.ocsf.model.enums.DirectionId;
import io.protect.ocsf.model.enums.DnsActivityRcodeId;
import io.protect.ocsf.model.enums.FingerprintAlgorithmId;
import io.protect.ocsf.model.enums.IntegrityId;
import io.protect.ocsf.model.events.BaseEvent;
import io.protect.ocsf.model.events.DnsActivity;
import io.protect.ocsf.model.events.FileActivity;
import io.protect.ocsf.model.events.ModuleActivity;
import io.protect.ocsf.model.events.NetworkActivity;
import io.protect.ocsf.model.events.ProcessActivity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sysmon mapper edge cases on real samples (some edited to reach a branch); real OCSF validator. */
class SysmonMapperEdgeTest {

    private static final List<WindowsEventSamples.Sample> SAMPLES = WindowsEventSamples.sysmon();
    private final OcsfValidator validator = OcsfValidator.instance();

    private Record map(JsonNode event) {
        Record r = SysmonMappers.forEvent(event).map(WindowsEventSamples.enriched(SourceFormat.SYSMON, event, Enrichments.none()),
                WindowsEventSamples.context());
        var result = validator.validate(Json.MAPPER.valueToTree(r));
        assertTrue(result.valid(), result::toString);
        return r;
    }

    @Test
    void processCreateFromNxlog() {
        ProcessActivity p = (ProcessActivity) map(WindowsEventSamples.find(SAMPLES, "otrf-nxlog", "2d351099-5ca9-5f5f-2f04-000000000400"));
        assertEquals(1, p.activityId().value());
        // EventTime is local (UTC-4, recovered from EventReceivedTime vs @timestamp); UtcTime says the same moment.
        assertEquals(Instant.parse("2020-09-14T12:06:01Z").toEpochMilli(), p.time());
        assertEquals(-240, p.timezoneOffset());
        assertEquals(Instant.parse("2020-09-14T12:06:01.826Z").toEpochMilli(), p.startTime());
        assertEquals(p.startTime(), p.process().createdTime());
        assertEquals(9428, p.process().pid());
        assertEquals("WMIC.exe", p.process().name());
        assertEquals("2d351099-5ca9-5f5f-2f04-000000000400", p.process().uid());
        assertEquals("pgustavo", p.process().user().name());
        assertEquals("THESHIRE", p.process().user().domain());
        assertEquals(IntegrityId.HIGH, p.process().integrityId());
        var hashes = p.process().file().hashes();
        assertEquals(4, hashes.size());
        assertTrue(hashes.stream().anyMatch(h -> h.algorithmId() == FingerprintAlgorithmId.SHA_256
                && h.value().equals("96BEC668680152DF51EC1DE1D5362C64C2ABA1EDA86F9121F517646F5DEC2B72")));
        assertEquals(9564, p.process().parentProcess().pid());
        assertEquals("powershell.exe", p.process().parentProcess().name());
        assertEquals(p.process().parentProcess(), p.actor().process());
        assertTrue(p.observables().stream().anyMatch(o -> o.typeId().value() == 8), "hashes are observables");
        assertEquals("Sysmon", p.metadata().product().name());
        assertEquals("Microsoft", p.metadata().product().vendorName());
        assertEquals("Microsoft-Windows-Sysmon/Operational", p.metadata().logName());
    }

    @Test
    void networkConnectionFromXml() {
        NetworkActivity n = (NetworkActivity) map(WindowsEventSamples.find(SAMPLES, "evtx-attack", "ams15s30-in-f4.1e100.net"));
        assertEquals("10.0.2.15", n.srcEndpoint().ip());
        assertEquals(49727, n.srcEndpoint().port());
        assertEquals("MSEDGEWIN10.home", n.srcEndpoint().hostname());
        assertEquals("172.217.17.132", n.dstEndpoint().ip());
        assertEquals(80, n.dstEndpoint().port());
        assertEquals("http", n.dstEndpoint().svcName());
        assertEquals(6, n.connectionInfo().protocolNum());
        assertEquals(DirectionId.OUTBOUND, n.connectionInfo().directionId());
        assertEquals("powershell.exe", n.actor().process().name());
        assertEquals("IEUser", n.actor().user().name());
        assertEquals("True", n.unmapped().path("EventData").path("Initiated").asText());
        assertEquals("", n.unmapped().path("EventData").path("SourcePortName").asText("missing"));
        assertEquals("Suspicious NetCon", n.unmapped().path("EventData").path("RuleName").asText());
    }

    @Test
    void fileCreateKeepsBothTimes() {
        FileActivity f = (FileActivity) map(WindowsEventSamples.find(SAMPLES, "otrf-nxlog", "lastalive0.dat"));
        assertEquals(1, f.activityId().value());
        assertEquals("lastalive0.dat", f.file().name());
        assertEquals("C:\\Windows\\ServiceState\\EventLog\\Data", f.file().parentFolder());
        assertEquals(Instant.parse("2020-09-14T10:19:57.836Z").toEpochMilli(), f.file().createdTime());
        assertEquals(1332, f.actor().process().pid());
        // 23 (delete archived) on the same record.
        ObjectNode deleted = WindowsEventSamples.find(SAMPLES, "otrf-nxlog", "lastalive0.dat");
        deleted.put("EventID", 23);
        FileActivity d = (FileActivity) map(deleted);
        assertEquals(4, d.activityId().value());
        assertEquals(Boolean.TRUE, d.file().isDeleted());
    }

    @Test
    void dnsAnswersAndStatuses() {
        DnsActivity ok = (DnsActivity) map(WindowsEventSamples.find(SAMPLES, "sekoia", "linkmaker.itunes.apple.com"));
        assertEquals("linkmaker.itunes.apple.com", ok.query().hostname());
        assertEquals(DnsActivityRcodeId.NOERROR, ok.rcodeId());
        assertEquals(3, ok.answers().size());
        assertEquals("CNAME", ok.answers().get(0).type());
        assertEquals("linkmaker.itunes.apple.com.edgekey.net", ok.answers().get(0).rdata());
        assertEquals("23.64.104.249", ok.answers().get(2).rdata(), "IPv4-mapped answers are unwrapped");
        assertEquals("A", ok.answers().get(2).type());
        // 7 fraction digits in @timestamp
        assertEquals(Instant.parse("2019-07-18T03:34:02.025Z").toEpochMilli(), ok.time());

        DnsActivity nx = (DnsActivity) map(WindowsEventSamples.find(SAMPLES, "evtx-attack", "\"QueryName\":\"wpad\""));
        assertEquals(DnsActivityRcodeId.NXDOMAIN, nx.rcodeId());
        assertEquals("9003", nx.statusCode());
        assertNull(nx.answers());
        assertEquals("-", nx.unmapped().path("EventData").path("QueryResults").asText());
        assertEquals(DnsActivityRcodeId.OTHER, SysmonDnsMapper.rcode(1460));
    }

    @Test
    void registryAndTamperingFallBackToBaseEvent() {
        BaseEvent r = (BaseEvent) map(WindowsEventSamples.find(SAMPLES, "sekoia", "LastSuccessfulUploadTime"));
        assertEquals(0, r.classUid());
        assertEquals("13", r.metadata().eventCode());
        assertTrue(r.unmapped().path("winlog").path("event_data").path("TargetObject").asText().startsWith("HKLM\\"));
        assertEquals("SetValue", r.unmapped().path("winlog").path("event_data").path("EventType").asText());
    }

    @Test
    void otherSysmonIdsUseTheirClasses() {
        ObjectNode base = WindowsEventSamples.find(SAMPLES, "otrf-nxlog", "2d351099-5ca9-5f5f-2f04-000000000400");
        ObjectNode terminated = base.deepCopy();
        terminated.put("EventID", 5);
        ProcessActivity t = (ProcessActivity) map(terminated);
        assertEquals(2, t.activityId().value());
        assertEquals(t.startTime(), t.process().terminatedTime());

        ObjectNode access = WindowsEventSamples.find(SAMPLES, "otrf-nxlog", "lastalive0.dat");
        access.put("EventID", 10);
        access.put("SourceProcessGUID", "{2d351099-0000-0000-0000-000000000001}");
        access.put("SourceProcessId", "700");
        access.put("SourceImage", "C:\\Windows\\System32\\lsass.exe");
        access.put("TargetProcessGUID", "{2d351099-0000-0000-0000-000000000002}");
        access.put("TargetProcessId", "800");
        access.put("TargetImage", "C:\\Windows\\System32\\notepad.exe");
        access.put("GrantedAccess", "0x1010");
        ProcessActivity o = (ProcessActivity) map(access);
        assertEquals(3, o.activityId().value());
        assertEquals(700, o.actor().process().pid());
        assertEquals(800, o.process().pid());
        assertEquals(0x1010, o.requestedPermissions());

        ObjectNode image = WindowsEventSamples.find(SAMPLES, "otrf-nxlog", "lastalive0.dat");
        image.put("EventID", 7);
        image.put("ImageLoaded", "C:\\Windows\\System32\\evil.dll");
        image.put("Hashes", "SHA256=AAAA");
        ModuleActivity m = (ModuleActivity) map(image);
        assertEquals(1005, m.classUid());
        assertEquals("evil.dll", m.module().file().name());
        assertEquals("AAAA", m.module().file().hashes().get(0).value());
    }
}
