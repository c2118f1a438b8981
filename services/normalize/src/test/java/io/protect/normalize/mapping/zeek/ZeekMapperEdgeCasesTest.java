package io.protect.normalize.mapping.zeek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import io.protect.model.ocsf.OcsfValidator;
import io.protect.ocsf.model.enums.AuthenticationActivityId;
import io.protect.ocsf.model.enums.DnsActivityRcodeId;
import io.protect.ocsf.model.enums.NetworkActivityActivityId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.normalize.mapping.Enrichments;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Edge cases of the Zeek mappers on real records (altered where a case needs it) and the real validator. */
class ZeekMapperEdgeCasesTest {

    private final OcsfValidator validator = OcsfValidator.instance();

    private JsonNode map(JsonNode record) {
        JsonNode json = Json.MAPPER.valueToTree(ZeekMappers.forEvent(record)
                .map(ZeekSamples.enriched(record, Enrichments.none()), ZeekSamples.context()));
        var result = validator.validate(json);
        assertTrue(result.valid(), () -> result + "\n" + json.toPrettyString());
        return json;
    }

    @Test
    void connStatesChooseTheActivity() {
        assertEquals(NetworkActivityActivityId.CLOSE, ZeekConnMapper.activity("SF"));
        assertEquals(NetworkActivityActivityId.REFUSE, ZeekConnMapper.activity("REJ"));
        assertEquals(NetworkActivityActivityId.RESET, ZeekConnMapper.activity("RSTO"));
        assertEquals(NetworkActivityActivityId.RESET, ZeekConnMapper.activity("RSTRH"));
        assertEquals(NetworkActivityActivityId.TRAFFIC, ZeekConnMapper.activity("S0"));
        assertEquals(NetworkActivityActivityId.TRAFFIC, ZeekConnMapper.activity(null));
        ObjectNode r = ZeekSamples.find("otrf-apt29-day1-conn.ndjson", "Cvf4XX17hSAgXDdGEd");
        r.put("conn_state", "REJ");
        JsonNode json = map(r);
        assertEquals(5, json.path("activity_id").asInt());
        assertEquals(2, json.path("status_id").asInt());
        assertEquals("Connection attempt rejected", json.path("status_detail").asText());
        assertEquals(39, json.path("traffic").path("bytes_out").asLong());
        assertEquals(55, json.path("traffic").path("bytes_in").asLong());
        assertEquals(json.path("start_time").asLong() + 2, json.path("end_time").asLong(), "duration 1.5 ms rounds to 2");
    }

    @Test
    void localFlagsWinOverAddressRanges() {
        ObjectNode r = ZeekSamples.find("ocsf-examples-conn.ndjson", "CPNkcu1aY5i3SzaKt1");
        r.put("local_orig", false).put("local_resp", true); // 10.0.0.1 → 8.8.8.8 would be Outbound by range
        assertEquals("Inbound", map(r).path("connection_info").path("direction").asText());
    }

    @Test
    void aWebDavMethodIsActivityOtherAndStaysUnmapped() {
        ObjectNode r = ZeekSamples.find("otrf-apt29-day1-http.ndjson", "\"PROPFIND\"");
        JsonNode json = map(r);
        assertEquals(99, json.path("activity_id").asInt());
        assertFalse(json.path("http_request").has("http_method"));
        assertEquals("PROPFIND", json.path("unmapped").path("method").asText());
        ObjectNode get = ZeekSamples.find("ocsf-examples-http.ndjson", "formmail.pl");
        JsonNode url = map(get).path("http_request").path("url");
        assertEquals("/cgi-bin/formmail.pl", url.path("path").asText());
        assertTrue(url.path("query_string").asText().startsWith("email=f2@aol.com"));
    }

    @Test
    void aHostMakesAUrlString() {
        ObjectNode r = ZeekSamples.find("otrf-apt29-day1-http.ndjson", "\"OPTIONS\"");
        JsonNode req = map(r).path("http_request");
        assertEquals("http://192.168.0.4/", req.path("url").path("url_string").asText());
        assertEquals("OPTIONS", req.path("http_method").asText());
        assertEquals("DavClnt", req.path("user_agent").asText());
    }

    @Test
    void dnsRcodesAndAnswers() {
        assertEquals(DnsActivityRcodeId.NXDOMAIN, ZeekDnsMapper.rcodeId(3));
        assertEquals(DnsActivityRcodeId.OTHER, ZeekDnsMapper.rcodeId(12));
        ObjectNode r = ZeekSamples.find("otrf-apt29-day1-dns.ndjson", "Cw1Hz43UWS4qXFei8f");
        JsonNode json = map(r);
        assertEquals(2, json.path("activity_id").asInt(), "a reply was seen");
        JsonNode a = json.path("answers").get(0);
        assertEquals("10.0.0.4", a.path("rdata").asText());
        assertEquals(3600, a.path("ttl").asInt());
        assertEquals("[1,3,4]", a.path("flag_ids").toString());
        assertFalse(json.path("unmapped").has("AA"));
        ObjectNode noAnswer = ZeekSamples.find("ocsf-examples-dns.ndjson", "qfhhbbmvrk.de");
        JsonNode q = map(noAnswer);
        assertEquals(1, q.path("activity_id").asInt(), "no reply: a query");
        assertTrue(q.path("unmapped").has("RD"), "flags without an answer to carry them stay unmapped");
    }

    @Test
    void smtpAddressesComeOutOfDisplayForms() {
        assertEquals(Optional.of("jan.grashoefer@gmail.com"), ZeekSmtpMapper.address("\"Jan Grashoefer\" <jan.grashoefer@gmail.com>"));
        assertEquals(Optional.of("jan.grashoefer@cern.ch"), ZeekSmtpMapper.address("jan.grashoefer@cern.ch (Jan Grashoefer)"));
        assertEquals(Optional.of("name-addr@example.com"), ZeekSmtpMapper.address("\"Test Member\" <name-addr@example.com>;"));
        assertEquals(Optional.of("addr-spec@example.com"), ZeekSmtpMapper.address("\"Test Group\":addr-spec@example.com"));
        assertEquals(Optional.empty(), ZeekSmtpMapper.address("undisclosed-recipients:;"));
        ObjectNode r = ZeekSamples.find("ocsf-examples-smtp.ndjson", "gras-os-desk.cern.ch");
        JsonNode json = map(r);
        assertEquals(4009, json.path("class_uid").asInt());
        JsonNode email = json.path("email");
        assertEquals("jan.grashoefer@cern.ch", email.path("from").asText());
        assertEquals("root@gras-os-desk.cern.ch", email.path("smtp_from").asText());
        assertEquals(5, email.path("to").size());
        assertEquals("jan.grashoefer@cern.ch (Jan Grashoefer)", json.path("unmapped").path("from").asText(),
                "a From with a display name keeps its text");
        assertEquals("gras-os-desk.cern.ch", json.path("smtp_hello").asText());
        assertEquals("Unknown", json.path("direction").asText(), "both CERN addresses are public");
        JsonNode local = map(ZeekSamples.find("ocsf-examples-smtp.ndjson", "sender@example.com"));
        assertEquals("Internal", local.path("direction").asText(), "::1 to ::1");
        assertEquals("sender@example.com", local.path("email").path("from").asText());
        assertFalse(local.path("unmapped").has("from"), "a bare address is consumed");
    }

    @Test
    void smtpWithoutAnyAddressFallsBackToNetworkActivity() {
        ObjectNode r = ZeekSamples.find("ocsf-examples-smtp.ndjson", "openssl.client.net");
        JsonNode json = map(r);
        assertEquals(4001, json.path("class_uid").asInt());
        assertEquals("smtp", json.path("app_protocol_name").asText());
        assertEquals("openssl.client.net", json.path("unmapped").path("helo").asText());
    }

    @Test
    void kerberosActivityAndPrincipal() {
        assertEquals(AuthenticationActivityId.AUTHENTICATION_TICKET, ZeekKerberosMapper.activity("AS", null));
        assertEquals(AuthenticationActivityId.SERVICE_TICKET_REQUEST, ZeekKerberosMapper.activity("TGS", "krbtgt/X"));
        assertEquals(AuthenticationActivityId.AUTHENTICATION_TICKET, ZeekKerberosMapper.activity(null, "krbtgt/PANDALAB.COM"));
        assertEquals(AuthenticationActivityId.SERVICE_TICKET_REQUEST, ZeekKerberosMapper.activity(null, "LDAP/DC01.pandalab.com/pandalab.com"));
        ObjectNode r = ZeekSamples.find("otrf-lsass01-kerberos.log", "stevie.marie/PANDALAB.COM");
        JsonNode json = map(r);
        assertEquals("stevie.marie", json.path("user").path("name").asText());
        assertEquals("PANDALAB.COM", json.path("user").path("domain").asText());
        assertEquals(2, json.path("auth_protocol_id").asInt());
        assertEquals(1, json.path("status_id").asInt());
        ObjectNode noClient = ZeekSamples.find("otrf-lsass01-kerberos.log", "KDC_ERR_PREAUTH_REQUIRED");
        JsonNode failed = map(noClient);
        assertEquals(ZeekKerberosMapper.UNKNOWN_USER, failed.path("user").path("name").asText());
        assertEquals(2, failed.path("status_id").asInt());
    }

    @Test
    void noticeSeverityAndEvidence() {
        assertEquals(SeverityId.HIGH, ZeekNoticeMapper.severity("Intel::Notice"));
        assertEquals(SeverityId.MEDIUM, ZeekNoticeMapper.severity("Scan::Port_Scan"));
        assertEquals(SeverityId.LOW, ZeekNoticeMapper.severity("SSL::Invalid_Server_Cert"));
        ObjectNode r = ZeekSamples.find("otrf-apt29-day1-notice.ndjson", "CpnezL3085IfcJzSAe");
        JsonNode json = map(r);
        assertEquals("SSL::Invalid_Server_Cert", json.path("finding_info").path("title").asText());
        assertEquals("CpnezL3085IfcJzSAe:SSL::Invalid_Server_Cert", json.path("finding_info").path("uid").asText());
        assertEquals(8443, json.path("evidences").get(0).path("dst_endpoint").path("port").asInt());
        assertFalse(json.path("unmapped").has("src"), "src repeats the tuple");
        r.put("dst", "192.0.2.99");
        assertEquals("192.0.2.99", map(r).path("unmapped").path("dst").asText(), "a dst that differs is kept");
    }

    @Test
    void filesFromHostListsAndHashes() {
        ObjectNode r = ZeekSamples.find("otrf-apt29-day1-files.ndjson", "cc85d7649546d3c0b1607f761b73fec2");
        JsonNode json = map(r);
        assertEquals(2, json.path("activity_id").asInt(), "is_orig false: download");
        assertEquals("10.0.1.4", json.path("src_endpoint").path("ip").asText(), "the receiver opened the connection");
        assertEquals("10.0.0.4", json.path("dst_endpoint").path("ip").asText());
        assertEquals("SMB", json.path("actor").path("app_name").asText());
        assertEquals(2, json.path("file").path("hashes").size());
        assertEquals("C6niUh1gdPBNBhfNDe", json.path("connection_info").path("uid").asText());
        r.put("is_orig", true);
        JsonNode up = map(r);
        assertEquals(1, up.path("activity_id").asInt());
        assertEquals("10.0.0.4", up.path("src_endpoint").path("ip").asText());
    }

    @Test
    void sshDirectionAndOutcome() {
        ObjectNode r = ZeekSamples.find("ocsf-examples-ssh.ndjson", "\"auth_success\":true");
        JsonNode json = map(r);
        assertEquals(1, json.path("activity_id").asInt());
        assertEquals(1, json.path("status_id").asInt());
        r.put("auth_success", false).put("direction", "OUTBOUND");
        JsonNode failed = map(r);
        assertEquals(4, failed.path("activity_id").asInt());
        assertEquals("Outbound", failed.path("connection_info").path("direction").asText());
    }

    @Test
    void smbActionsOtherThanOpenAreOther() {
        ObjectNode r = ZeekSamples.find("otrf-apt29-day1-smb_files.ndjson", "SMB::FILE_OPEN");
        r.put("action", "SMB::FILE_READ");
        JsonNode json = map(r);
        assertEquals(99, json.path("activity_id").asInt());
        assertEquals("SMB::FILE_READ", json.path("command").asText());
        assertEquals("\\\\NEWYORK.dmevals.local\\sysvol", json.path("share").asText());
    }
}
