package io.protect.normalize.mapping.suricataeve;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.EnrichmentView;
import io.protect.normalize.mapping.EventTimes;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.SourceFields;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.events.BaseEvent;
import io.protect.ocsf.model.events.DnsActivity;
import io.protect.ocsf.model.events.FtpActivity;
import io.protect.ocsf.model.events.HttpActivity;
import io.protect.ocsf.model.events.NetworkActivity;
import io.protect.ocsf.model.events.RdpActivity;
import io.protect.ocsf.model.events.SmbActivity;
import io.protect.ocsf.model.events.SshActivity;
import io.protect.ocsf.model.objects.Observable;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Maps one Suricata EVE record that is not an {@code alert} to the OCSF 1.8.0 class of its
 * {@code event_type}. One instance per event type ({@link Type}); pure.
 *
 * <p>Table (event_type → class, activity):
 * <ul>
 *   <li>{@code flow}, {@code netflow} → Network Activity 4001, Close when the flow's TCP state is
 *       closed, else Traffic; {@code flow}/{@code netflow} counters → {@code traffic}
 *       (to-server = out, to-client = in), {@code flow.start}/{@code end} → {@code start_time}/{@code end_time}.</li>
 *   <li>{@code dns} → DNS Activity 4003, Query for {@code type=query}, Response for
 *       {@code answer}; {@code rrname}/{@code rrtype}/{@code id} → {@code query}; {@code answers}
 *       (EVE v2), the flat v1 answer ({@code rdata}/{@code ttl}) and {@code grouped} →
 *       {@code answers} (an array holding a record without rdata, e.g. SOA, stays whole in
 *       unmapped); {@code rcode} → {@code rcode}/{@code rcode_id}.</li>
 *   <li>{@code http} → HTTP Activity 4002, activity from the method (Unknown without one);
 *       hostname/url/port/method/user agent/protocol/referer → {@code http_request}, status/content
 *       type/length → {@code http_response} and {@code http_status}.</li>
 *   <li>{@code tls} → Network Activity 4001 (Traffic) with {@code tls}: sni, version, ja3/ja3s
 *       hashes, and the server certificate (subject, issuerdn, serial, SHA-1 fingerprint,
 *       notbefore/notafter read as UTC).</li>
 *   <li>{@code fileinfo} → the class of the protocol that carried the file, which has a
 *       {@code file} attribute: HTTP Activity 4002 (http, http2), SMB Activity 4006, FTP Activity
 *       4008, each mapped as that event type is, plus filename/size/md5/sha1/sha256/magic →
 *       {@code file}. Any other protocol (smtp, nfs, ...) → Network Activity 4001 with the
 *       {@code fileinfo} object in unmapped. Network File Activity 4010 was the other candidate,
 *       but OCSF requires an {@code actor} for it, which a sensor on the wire does not know; File
 *       Hosting 6006 is for SaaS file sharing.</li>
 *   <li>{@code anomaly} → Network Activity 4001, activity Other, severity Low, with
 *       {@code status_detail} "type/layer: event": a decoder or parser anomaly is a fact about
 *       traffic, not a rule detection (those are {@code alert} records).</li>
 *   <li>{@code ftp} → FTP Activity 4008 (Put for STOR/APPE/STOU, Get for RETR, Delete, Rename,
 *       List, else Other): command, command_data → {@code name}, reply → {@code command_responses},
 *       completion_code → {@code codes}, dynamic_port → {@code port}.</li>
 *   <li>{@code smb} → SMB Activity 4006 (File Open/Create/... from the create disposition when
 *       given, else Other): command, dialect, client_dialects, share, share_type, tree_id,
 *       filename → {@code file}.</li>
 *   <li>{@code ssh} → SSH Activity 4007 (Open): server protocol version → {@code protocol_ver},
 *       hassh → {@code client_hassh}/{@code server_hassh}.</li>
 *   <li>{@code rdp} → RDP Activity 4005, activity from {@code rdp.event_type}
 *       (initial_request, initial_response, connect_request, connect_response, tls_handshake);
 *       x509_serials → {@code certificate_chain}, cookie → {@code identifier_cookie}.</li>
 *   <li>{@code ldap}, {@code dnp3} and any other application-layer record → Network Activity
 *       4001 (Traffic) with {@code app_protocol_name}; their protocol objects stay in unmapped
 *       (OCSF 1.8.0 has no LDAP or DNP3 class).</li>
 *   <li>{@code stats} → Base Event 0 (activity Other): engine counters have no OCSF class; the
 *       {@code stats} object stays whole in unmapped, so every sample still maps to a valid event.</li>
 * </ul>
 *
 * <p>Common to all: {@code timestamp} → {@code time}/{@code timezone_offset}/{@code metadata.original_time};
 * {@code src_ip}/{@code src_port}/{@code dest_ip}/{@code dest_port} → {@code src_endpoint}/{@code dst_endpoint}
 * (with enrich's geo); {@code proto} and {@code community_id} → {@code connection_info}
 * (IANA number, direction from RFC 1918 ranges, uid = community id); {@code app_proto} →
 * {@code app_protocol_name}. Severity: 1 Informational (telemetry, not detections), except
 * anomaly → 2 Low. {@code metadata}: product Suricata by OISF, log_name {@code eve.json},
 * event_code = event_type. Everything else ({@code flow_id}, {@code in_iface}, {@code tx_id},
 * {@code pcap_cnt}, {@code tcp}, ...) stays in unmapped; {@code raw_data} is the record.
 */
public final class SuricataEventMapper implements AlertMapper {

    /** The event types with their own mapping; {@link #APP_LAYER} covers the rest. */
    public enum Type { FLOW, DNS, HTTP, TLS, FILEINFO, ANOMALY, FTP, SMB, SSH, RDP, APP_LAYER, STATS }

    static final String PRODUCT = "Suricata";
    static final String VENDOR = "OISF";
    static final String LOG_NAME = "eve.json";
    private static final ObjectReader STRICT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final java.util.Set<String> OCSF_HTTP_METHODS =
            java.util.Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");

    private final Type type;

    public SuricataEventMapper(Type type) {
        this.type = type;
    }

    /** The event type this mapper handles. */
    public Type type() {
        return type;
    }

    @Override
    public Record map(AlertEnriched input, MappingContext context) {
        JsonNode event = input.alert().object();
        SourceFields f = new SourceFields(event);
        EnrichmentView enrichment = new EnrichmentView(input.enrichment());
        ObjectNode e = Json.MAPPER.createObjectNode();

        Optional<String> timestampText = f.peek("timestamp").filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<EventTimes.Parsed> parsed = timestampText.flatMap(EventTimes::parseIso);
        parsed.ifPresent(p -> f.consume("timestamp"));
        e.put("time", parsed.map(EventTimes.Parsed::epochMillis).orElse(context.receivedAt().toEpochMilli()));
        parsed.ifPresent(p -> e.put("timezone_offset", p.offsetMinutes()));
        String eventType = f.takeText("event_type").orElse("unknown");
        int severity = type == Type.ANOMALY ? 2 : 1;
        e.put("severity_id", severity);
        e.put("severity", severity == 2 ? "Low" : "Informational");

        List<Observable> observables = new ArrayList<>();
        String srcIp = null;
        String dstIp = null;
        if (type != Type.STATS) {
            srcIp = f.takeText("src_ip").orElse(null);
            dstIp = f.takeText("dest_ip").orElse(null);
            Integer srcPort = f.takeInt("src_port").orElse(null);
            Integer dstPort = f.takeInt("dest_port").orElse(null);
            if (srcIp != null) {
                e.set("src_endpoint", OcsfParts.endpoint(srcIp, srcPort, enrichment.geoFor(srcIp, true)).toJson());
                observables.add(OcsfParts.observable("src_endpoint.ip", ObservableTypeId.IP_ADDRESS, srcIp, enrichment));
            }
            if (dstIp != null) {
                e.set("dst_endpoint", OcsfParts.endpoint(dstIp, dstPort, enrichment.geoFor(dstIp, false)).toJson());
                observables.add(OcsfParts.observable("dst_endpoint.ip", ObservableTypeId.IP_ADDRESS, dstIp, enrichment));
            }
            String proto = f.takeText("proto").orElse(null);
            String communityId = f.takeText("community_id").orElse(null);
            if (proto != null || communityId != null) {
                e.set("connection_info", OcsfParts.connectionInfo(proto, srcIp, dstIp, communityId).toJson());
            }
            f.takeText("app_proto").ifPresent(a -> e.put("app_protocol_name", a));
        }

        int classUid = switch (type) {
            case FLOW -> flow(f, e);
            case DNS -> dns(f, e, observables, enrichment);
            case HTTP -> http(f, e, observables, enrichment);
            case TLS -> tls(f, e, observables, enrichment);
            case FILEINFO -> fileinfo(f, e, observables, enrichment);
            case ANOMALY -> anomaly(f, e);
            case FTP -> ftp(f, e);
            case SMB -> smb(f, e);
            case SSH -> ssh(f, e);
            case RDP -> rdp(f, e);
            case APP_LAYER -> appLayer(e, eventType);
            case STATS -> stats(f, e);
        };
        if (!e.has("message")) {
            e.put("message", "Suricata " + eventType + " event");
        }

        observables.addAll(OcsfParts.intelObservables(enrichment, observables));
        if (!observables.isEmpty()) {
            e.set("observables", Json.MAPPER.valueToTree(observables));
        }
        OptionalInt risk = enrichment.riskScore();
        if (risk.isPresent()) {
            var level = OcsfParts.riskLevel(risk.getAsInt());
            e.put("risk_score", risk.getAsInt()).put("risk_level_id", level.value()).put("risk_level", level.caption());
            String details = OcsfParts.riskDetails(enrichment);
            if (details != null) {
                e.put("risk_details", details);
            }
        }
        var enrichments = OcsfParts.enrichments(enrichment, srcIp, dstIp, input.assetId());
        if (!enrichments.isEmpty()) {
            e.set("enrichments", Json.MAPPER.valueToTree(enrichments));
        }

        ObjectNode metadata = e.putObject("metadata");
        metadata.putObject("product").put("name", PRODUCT).put("vendor_name", VENDOR);
        metadata.put("version", OcsfParts.OCSF_VERSION);
        metadata.put("log_name", LOG_NAME);
        metadata.put("log_format", "JSON");
        metadata.put("event_code", eventType);
        timestampText.ifPresent(t -> metadata.put("original_time", t));
        metadata.put("uid", context.eventId().toString());
        if (context.correlationId() != null) {
            metadata.put("correlation_uid", context.correlationId());
        }
        if (context.tenantId() != null) {
            metadata.put("tenant_uid", context.tenantId());
        }
        e.put("raw_data", OcsfParts.rawData(event));
        JsonNode unmapped = f.unmapped();
        if (unmapped != null) {
            e.set("unmapped", unmapped);
        }
        e.put("class_uid", classUid);
        e.put("category_uid", classUid / 1000);
        e.put("type_uid", classUid * 100L + e.path("activity_id").asInt());
        return toRecord(e, classUid);
    }

    private static Record toRecord(ObjectNode e, int classUid) {
        Class<? extends Record> cls = switch (classUid) {
            case NetworkActivity.CLASS_UID -> NetworkActivity.class;
            case DnsActivity.CLASS_UID -> DnsActivity.class;
            case HttpActivity.CLASS_UID -> HttpActivity.class;
            case FtpActivity.CLASS_UID -> FtpActivity.class;
            case SmbActivity.CLASS_UID -> SmbActivity.class;
            case SshActivity.CLASS_UID -> SshActivity.class;
            case RdpActivity.CLASS_UID -> RdpActivity.class;
            case BaseEvent.CLASS_UID -> BaseEvent.class;
            default -> throw new IllegalStateException("no record for class " + classUid);
        };
        try {
            return STRICT.forType(cls).readValue(e);
        } catch (IOException ex) {
            throw new IllegalStateException("mapped event does not fit OCSF class " + classUid + ": " + ex.getMessage(), ex);
        }
    }

    private static void activity(ObjectNode e, String className, String category, int id, String name) {
        e.put("activity_id", id);
        e.put("activity_name", name);
        e.put("class_name", className);
        e.put("category_name", category);
        e.put("type_name", className + ": " + name);
    }

    // ------------------------------------------------------------- per event type

    private static int flow(SourceFields f, ObjectNode e) {
        String base = f.peek("flow").isPresent() ? "flow" : "netflow";
        boolean closed = "closed".equals(f.peek("tcp.state").map(JsonNode::asText).orElse(""))
                || "closed".equals(f.peek(base + ".state").map(JsonNode::asText).orElse(""));
        activity(e, "Network Activity", "Network Activity", closed ? 2 : 6, closed ? "Close" : "Traffic");
        ObjectNode traffic = Json.MAPPER.createObjectNode();
        putLong(f, base + ".pkts_toserver", traffic, "packets_out");
        putLong(f, base + ".pkts_toclient", traffic, "packets_in");
        putLong(f, base + ".bytes_toserver", traffic, "bytes_out");
        putLong(f, base + ".bytes_toclient", traffic, "bytes_in");
        putLong(f, base + ".pkts", traffic, "packets");
        putLong(f, base + ".bytes", traffic, "bytes");
        if (traffic.has("packets_out") && traffic.has("packets_in") && !traffic.has("packets")) {
            traffic.put("packets", traffic.get("packets_out").asLong() + traffic.get("packets_in").asLong());
        }
        if (traffic.has("bytes_out") && traffic.has("bytes_in") && !traffic.has("bytes")) {
            traffic.put("bytes", traffic.get("bytes_out").asLong() + traffic.get("bytes_in").asLong());
        }
        if (!traffic.isEmpty()) {
            e.set("traffic", traffic);
        }
        time(f, base + ".start").ifPresent(t -> e.put("start_time", t));
        time(f, base + ".end").ifPresent(t -> e.put("end_time", t));
        e.put("message", "Suricata flow" + f.peek(base + ".state").map(s -> " (" + s.asText() + ")").orElse(""));
        return NetworkActivity.CLASS_UID;
    }

    private static final Map<String, Integer> RCODES = Map.ofEntries(Map.entry("NOERROR", 0), Map.entry("FORMERR", 1),
            Map.entry("FORMERROR", 1), Map.entry("SERVFAIL", 2), Map.entry("NXDOMAIN", 3), Map.entry("NOTIMP", 4),
            Map.entry("REFUSED", 5), Map.entry("YXDOMAIN", 6), Map.entry("YXRRSET", 7), Map.entry("NXRRSET", 8),
            Map.entry("NOTAUTH", 9), Map.entry("NOTZONE", 10));

    private static int dns(SourceFields f, ObjectNode e, List<Observable> observables, EnrichmentView enrichment) {
        String kind = f.peek("dns.type").map(JsonNode::asText).orElse("");
        int id = switch (kind) {
            case "query" -> 1;
            case "answer" -> 2;
            default -> 99;
        };
        if (id != 99) {
            f.consume("dns.type");
        }
        activity(e, "DNS Activity", "Network Activity", id, id == 1 ? "Query" : id == 2 ? "Response" : "Other");
        String rrname = f.peek("dns.rrname").filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
        String rrtype = f.peek("dns.rrtype").filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
        ObjectNode query = Json.MAPPER.createObjectNode();
        if (rrname != null) {
            query.put("hostname", rrname);
            observables.add(OcsfParts.observable("query.hostname", ObservableTypeId.HOSTNAME, rrname, enrichment));
        }
        if (rrtype != null) {
            query.put("type", rrtype);
        }
        if (rrname != null) {
            f.peek("dns.id").filter(JsonNode::canConvertToInt).ifPresent(v -> query.put("packet_uid", v.asInt()));
        }
        ArrayNode answers = Json.MAPPER.createArrayNode();
        // EVE v1 answers carry one record flat on the dns object.
        if (id == 2 && f.peek("dns.rdata").isPresent()) {
            ObjectNode a = answers.addObject();
            a.put("rdata", f.takeText("dns.rdata").orElse(""));
            if (rrtype != null) {
                a.put("type", rrtype);
            }
            f.takeInt("dns.ttl").ifPresent(ttl -> a.put("ttl", ttl));
            f.peek("dns.id").filter(JsonNode::canConvertToInt).ifPresent(v -> a.put("packet_uid", v.asInt()));
        }
        Optional<JsonNode> list = f.peek("dns.answers").filter(JsonNode::isArray);
        if (list.isPresent()) {
            boolean all = true;
            for (JsonNode r : list.get()) {
                if (!r.path("rdata").isValueNode() || r.path("rdata").asText().isBlank()) {
                    all = false;
                    continue;
                }
                ObjectNode a = answers.addObject();
                a.put("rdata", r.get("rdata").asText());
                if (r.path("rrtype").isTextual()) {
                    a.put("type", r.get("rrtype").asText());
                }
                if (r.path("ttl").canConvertToInt()) {
                    a.put("ttl", r.get("ttl").asInt());
                }
            }
            if (all) {
                f.consume("dns.answers");
            }
        }
        Optional<JsonNode> grouped = f.peek("dns.grouped").filter(JsonNode::isObject);
        if (grouped.isPresent()) {
            grouped.get().fields().forEachRemaining(g -> {
                for (JsonNode rdata : g.getValue()) {
                    answers.addObject().put("rdata", rdata.asText()).put("type", g.getKey());
                }
            });
            f.consume("dns.grouped");
        }
        if (rrname != null) {
            // OCSF's dns_query needs the hostname: without rrname, rrtype and id stay in unmapped
            e.set("query", query);
            f.consume("dns.rrname");
            f.consume("dns.rrtype");
            f.consume("dns.id");
        }
        if (!answers.isEmpty()) {
            e.set("answers", answers);
        }
        f.peek("dns.rcode").filter(JsonNode::isTextual).map(JsonNode::asText).ifPresent(rcode -> {
            Integer rid = RCODES.get(rcode.toUpperCase(Locale.ROOT));
            e.put("rcode_id", rid == null ? 99 : rid);
            e.put("rcode", rcode);
            f.consume("dns.rcode");
        });
        e.put("message", "DNS " + (id == 1 ? "query" : id == 2 ? "response" : kind) + (rrname != null ? " " + rrname : ""));
        return DnsActivity.CLASS_UID;
    }

    private static int http(SourceFields f, ObjectNode e, List<Observable> observables, EnrichmentView enrichment) {
        ObjectNode request = httpRequest(f, observables, enrichment);
        String method = request == null ? null : request.path("http_method").asText(null);
        int id = method == null ? 0 : switch (method) {
            case "CONNECT" -> 1;
            case "DELETE" -> 2;
            case "GET" -> 3;
            case "HEAD" -> 4;
            case "OPTIONS" -> 5;
            case "POST" -> 6;
            case "PUT" -> 7;
            case "TRACE" -> 8;
            case "PATCH" -> 9;
            default -> 99;
        };
        String name = id == 0 ? "Unknown" : method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
        activity(e, "HTTP Activity", "Network Activity", id, name);
        if (request != null) {
            e.set("http_request", request);
        }
        Optional<Integer> status = f.takeInt("http.status");
        if (status.isPresent()) {
            ObjectNode response = e.putObject("http_response");
            response.put("code", status.get());
            f.takeText("http.http_content_type").ifPresent(c -> response.put("content_type", c));
            f.peek("http.length").filter(JsonNode::canConvertToLong).ifPresent(l -> {
                response.put("length", l.asLong());
                f.consume("http.length");
            });
            e.put("http_status", status.get());
        }
        e.put("message", "HTTP " + (method != null ? method + " " : "") + request(request));
        return HttpActivity.CLASS_UID;
    }

    private static String request(ObjectNode request) {
        if (request == null) {
            return "request";
        }
        return request.at("/url/hostname").asText("") + request.at("/url/path").asText("");
    }

    /** The EVE {@code http} object → an OCSF http_request; null when it has neither URL nor method. */
    private static ObjectNode httpRequest(SourceFields f, List<Observable> observables, EnrichmentView enrichment) {
        Optional<String> rawUrl = f.peek("http.url").filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<String> method = f.peek("http.http_method").filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(OCSF_HTTP_METHODS::contains);
        if (rawUrl.isEmpty() && method.isEmpty()) {
            return null;
        }
        ObjectNode r = Json.MAPPER.createObjectNode();
        if (rawUrl.isPresent()) {
            f.consume("http.url");
            String u = rawUrl.get();
            int q = u.indexOf('?');
            ObjectNode url = r.putObject("url");
            url.put("path", q >= 0 ? u.substring(0, q) : u);
            if (q >= 0) {
                url.put("query_string", u.substring(q + 1));
            }
            f.takeText("http.hostname").ifPresent(h -> {
                url.put("hostname", h);
                observables.add(OcsfParts.observable("http_request.url.hostname", ObservableTypeId.HOSTNAME, h, enrichment));
            });
            f.takeInt("http.http_port").ifPresent(p -> url.put("port", p));
        }
        method.ifPresent(m -> {
            r.put("http_method", m);
            f.consume("http.http_method");
        });
        f.takeText("http.http_user_agent").ifPresent(ua -> {
            r.put("user_agent", ua);
            observables.add(OcsfParts.observable("http_request.user_agent", ObservableTypeId.HTTP_USER_AGENT, ua, enrichment));
        });
        f.takeText("http.protocol").ifPresent(v -> r.put("version", v));
        f.takeText("http.http_refer").ifPresent(v -> r.put("referrer", v));
        return r;
    }

    private static int tls(SourceFields f, ObjectNode e, List<Observable> observables, EnrichmentView enrichment) {
        activity(e, "Network Activity", "Network Activity", 6, "Traffic");
        ObjectNode tls = Json.MAPPER.createObjectNode();
        f.takeText("tls.sni").ifPresent(s -> {
            tls.put("sni", s);
            observables.add(OcsfParts.observable("tls.sni", ObservableTypeId.HOSTNAME, s, enrichment));
        });
        f.takeText("tls.version").ifPresent(v -> tls.put("version", v));
        fingerprint(f, "tls.ja3.hash").ifPresent(h -> tls.set("ja3_hash", h));
        fingerprint(f, "tls.ja3s.hash").ifPresent(h -> tls.set("ja3s_hash", h));
        String issuer = f.peek("tls.issuerdn").map(JsonNode::asText).orElse(null);
        String serial = f.peek("tls.serial").map(JsonNode::asText).orElse(null);
        String subject = f.peek("tls.subject").map(JsonNode::asText).orElse(null);
        if (issuer != null && serial != null) {
            // OCSF's certificate needs issuer and serial number; without both the fields stay in unmapped
            ObjectNode cert = tls.putObject("certificate");
            if (issuer != null) {
                cert.put("issuer", issuer);
                f.consume("tls.issuerdn");
            }
            if (serial != null) {
                cert.put("serial_number", serial);
                f.consume("tls.serial");
            }
            if (subject != null) {
                cert.put("subject", subject);
                f.consume("tls.subject");
            }
            f.peek("tls.fingerprint").filter(JsonNode::isTextual).ifPresent(fp -> {
                ObjectNode x = cert.putArray("fingerprints").addObject();
                x.put("algorithm_id", 2).put("algorithm", "SHA-1").put("value", fp.asText());
                f.consume("tls.fingerprint");
            });
            certTime(f, "tls.notbefore").ifPresent(t -> cert.put("created_time", t));
            certTime(f, "tls.notafter").ifPresent(t -> cert.put("expiration_time", t));
        }
        if (!tls.isEmpty()) {
            e.set("tls", tls);
        }
        e.put("message", "TLS " + tls.path("version").asText("session") + (tls.has("sni") ? " to " + tls.get("sni").asText() : ""));
        return NetworkActivity.CLASS_UID;
    }

    private static int fileinfo(SourceFields f, ObjectNode e, List<Observable> observables, EnrichmentView enrichment) {
        String proto = e.path("app_protocol_name").asText("");
        int classUid;
        if (proto.startsWith("http")) {
            classUid = http(f, e, observables, enrichment);
        } else if (proto.equals("smb")) {
            classUid = smb(f, e);
        } else if (proto.startsWith("ftp")) {
            classUid = ftp(f, e);
        } else {
            // No OCSF class both carries a file and needs nothing Suricata lacks (Network File
            // Activity requires an actor): the flow is Network Activity, the file stays in unmapped.
            activity(e, "Network Activity", "Network Activity", 6, "Traffic");
            e.put("message", "File transfer over " + (proto.isEmpty() ? "an unknown protocol" : proto));
            return NetworkActivity.CLASS_UID;
        }
        ObjectNode file = e.putObject("file");
        String name = f.takeText("fileinfo.filename").orElse("unknown");
        file.put("name", name);
        file.put("type_id", 1).put("type", "Regular File");
        f.peek("fileinfo.size").filter(JsonNode::canConvertToLong).ifPresent(s -> {
            file.put("size", s.asLong());
            f.consume("fileinfo.size");
        });
        f.takeText("fileinfo.magic").ifPresent(m -> file.put("desc", m));
        ArrayNode hashes = Json.MAPPER.createArrayNode();
        for (var h : List.of(Map.entry("md5", 1), Map.entry("sha1", 2), Map.entry("sha256", 3))) {
            f.takeText("fileinfo." + h.getKey()).ifPresent(v -> {
                hashes.addObject().put("algorithm_id", h.getValue())
                        .put("algorithm", h.getValue() == 1 ? "MD5" : h.getValue() == 2 ? "SHA-1" : "SHA-256").put("value", v);
                observables.add(OcsfParts.observable("file.hashes.value", ObservableTypeId.HASH, v, enrichment));
            });
        }
        if (!hashes.isEmpty()) {
            file.set("hashes", hashes);
        }
        observables.add(OcsfParts.observable("file.name", ObservableTypeId.FILE_NAME, name, enrichment));
        e.put("message", "File " + name + " over " + proto + " (" + e.path("message").asText() + ")");
        return classUid;
    }

    private static int anomaly(SourceFields f, ObjectNode e) {
        activity(e, "Network Activity", "Network Activity", 99, "Other");
        String kind = f.takeText("anomaly.type").orElse("anomaly");
        String layer = f.takeText("anomaly.layer").orElse(null);
        String event = f.takeText("anomaly.event").orElse("unknown");
        f.takeText("anomaly.app_proto").ifPresent(p -> e.put("app_protocol_name", p));
        String detail = kind + (layer != null ? "/" + layer : "") + ": " + event;
        e.put("status_detail", detail);
        e.put("message", "Suricata anomaly " + detail);
        return NetworkActivity.CLASS_UID;
    }

    private static int ftp(SourceFields f, ObjectNode e) {
        String command = f.takeText("ftp.command").orElse(null);
        int id = command == null ? 0 : switch (command.toUpperCase(Locale.ROOT)) {
            case "STOR", "APPE", "STOU" -> 1;
            case "RETR" -> 2;
            case "DELE", "RMD" -> 4;
            case "RNFR", "RNTO" -> 5;
            case "LIST", "NLST", "MLSD" -> 6;
            default -> 99;
        };
        String[] names = {"Unknown", "Put", "Get", "Poll", "Delete", "Rename", "List"};
        activity(e, "FTP Activity", "Network Activity", id, id == 99 ? "Other" : names[id]);
        if (command != null) {
            e.put("command", command);
        }
        f.takeText("ftp.command_data").ifPresent(d -> e.put("name", d));
        f.peek("ftp.reply").filter(JsonNode::isArray).ifPresent(r -> {
            e.set("command_responses", r);
            f.consume("ftp.reply");
        });
        f.peek("ftp.completion_code").filter(JsonNode::isArray).ifPresent(c -> {
            ArrayNode codes = e.putArray("codes");
            c.forEach(x -> codes.add(x.asInt()));
            f.consume("ftp.completion_code");
        });
        f.takeInt("ftp.dynamic_port").ifPresent(p -> e.put("port", p));
        e.put("message", "FTP " + (command != null ? command : "session"));
        return FtpActivity.CLASS_UID;
    }

    private static int smb(SourceFields f, ObjectNode e) {
        String disposition = f.peek("smb.disposition").map(JsonNode::asText).orElse("");
        int id = switch (disposition.toUpperCase(Locale.ROOT)) {
            case "FILE_SUPERSEDE" -> 1;
            case "FILE_OPEN" -> 2;
            case "FILE_CREATE" -> 3;
            case "FILE_OPEN_IF" -> 4;
            case "FILE_OVERWRITE" -> 5;
            case "FILE_OVERWRITE_IF" -> 6;
            default -> 99;
        };
        if (id != 99) {
            f.consume("smb.disposition");
        }
        String[] names = {"Unknown", "File Supersede", "File Open", "File Create", "File Open If", "File Overwrite",
            "File Overwrite If"};
        activity(e, "SMB Activity", "Network Activity", id, id == 99 ? "Other" : names[id]);
        String command = f.takeText("smb.command").orElse(null);
        if (command != null) {
            e.put("command", command);
        }
        f.peek("smb.dialect").filter(d -> d.isTextual() && !d.asText().equals("unknown")).ifPresent(d -> {
            e.put("dialect", d.asText());
            f.consume("smb.dialect");
        });
        f.peek("smb.client_dialects").filter(JsonNode::isArray).ifPresent(d -> {
            e.set("client_dialects", d);
            f.consume("smb.client_dialects");
        });
        f.takeText("smb.share").ifPresent(s -> e.put("share", s));
        f.takeText("smb.tree_id").filter(t -> !t.equals("0")).ifPresent(t -> e.put("tree_uid", t));
        if (!e.has("file")) {
            f.takeText("smb.filename").ifPresent(n -> e.putObject("file").put("name", n).put("type_id", 1).put("type", "Regular File"));
        }
        e.put("message", "SMB " + (command != null ? command : "session"));
        return SmbActivity.CLASS_UID;
    }

    private static int ssh(SourceFields f, ObjectNode e) {
        activity(e, "SSH Activity", "Network Activity", 1, "Open");
        String server = f.peek("ssh.server.proto_version").map(JsonNode::asText).orElse(null);
        String client = f.peek("ssh.client.proto_version").map(JsonNode::asText).orElse(null);
        String version = server != null ? server : client;
        if (version != null) {
            e.put("protocol_ver", version);
            if (server != null) {
                f.consume("ssh.server.proto_version");
            }
            if (client != null && client.equals(version)) {
                f.consume("ssh.client.proto_version");
            }
        }
        hassh(f, "ssh.client.hassh").ifPresent(h -> e.set("client_hassh", h));
        hassh(f, "ssh.server.hassh").ifPresent(h -> e.set("server_hassh", h));
        String clientSoftware = f.peek("ssh.client.software_version").map(JsonNode::asText).orElse("?");
        String serverSoftware = f.peek("ssh.server.software_version").map(JsonNode::asText).orElse("?");
        e.put("message", "SSH " + (version != null ? version + " " : "") + "session " + clientSoftware + " → " + serverSoftware);
        f.consume("ssh.client.software_version");
        f.consume("ssh.server.software_version");
        return SshActivity.CLASS_UID;
    }

    private static int rdp(SourceFields f, ObjectNode e) {
        String kind = f.peek("rdp.event_type").map(JsonNode::asText).orElse("");
        int id = switch (kind) {
            case "initial_request" -> 1;
            case "initial_response" -> 2;
            case "connect_request" -> 3;
            case "connect_response" -> 4;
            case "tls_handshake" -> 5;
            default -> 99;
        };
        if (id != 99) {
            f.consume("rdp.event_type");
        }
        String[] names = {"Unknown", "Initial Request", "Initial Response", "Connect Request", "Connect Response", "TLS Handshake"};
        activity(e, "RDP Activity", "Network Activity", id, id == 99 ? "Other" : names[id]);
        f.peek("rdp.x509_serials").filter(JsonNode::isArray).ifPresent(s -> {
            e.set("certificate_chain", s);
            f.consume("rdp.x509_serials");
        });
        f.takeText("rdp.cookie").ifPresent(c -> e.put("identifier_cookie", c));
        e.put("message", "RDP " + (id == 99 ? kind : names[id]));
        return RdpActivity.CLASS_UID;
    }

    private static int appLayer(ObjectNode e, String eventType) {
        activity(e, "Network Activity", "Network Activity", 6, "Traffic");
        if (!e.has("app_protocol_name")) {
            e.put("app_protocol_name", eventType);
        }
        e.put("message", "Suricata " + eventType + " transaction");
        return NetworkActivity.CLASS_UID;
    }

    private static int stats(SourceFields f, ObjectNode e) {
        activity(e, "Base Event", "Uncategorized", 99, "Other");
        String uptime = f.peek("stats.uptime").map(JsonNode::asText).orElse("?");
        e.put("message", "Suricata engine statistics, uptime " + uptime + " s");
        return BaseEvent.CLASS_UID;
    }

    // ------------------------------------------------------------- helpers

    private static void putLong(SourceFields f, String path, ObjectNode target, String field) {
        f.peek(path).filter(JsonNode::canConvertToLong).filter(JsonNode::isIntegralNumber).ifPresent(v -> {
            target.put(field, v.asLong());
            f.consume(path);
        });
    }

    private static Optional<Long> time(SourceFields f, String path) {
        Optional<EventTimes.Parsed> t = f.peek(path).filter(JsonNode::isTextual).flatMap(v -> EventTimes.parseIso(v.asText()));
        t.ifPresent(x -> f.consume(path));
        return t.map(EventTimes.Parsed::epochMillis);
    }

    /** Certificate validity as Suricata writes it, without a zone: certificates are in UTC. */
    private static Optional<Long> certTime(SourceFields f, String path) {
        Optional<String> text = f.peek(path).filter(JsonNode::isTextual).map(JsonNode::asText);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long millis = LocalDateTime.parse(text.get()).toInstant(ZoneOffset.UTC).toEpochMilli();
            f.consume(path);
            return Optional.of(millis);
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An MD5 fingerprint (JA3/JA3S are MD5) from a hash path. */
    private static Optional<ObjectNode> fingerprint(SourceFields f, String path) {
        return f.takeText(path).map(v -> Json.MAPPER.createObjectNode().put("algorithm_id", 1).put("algorithm", "MD5").put("value", v));
    }

    /** A HASSH object (MD5 fingerprint, and the algorithm string) from an EVE hassh object. */
    private static Optional<ObjectNode> hassh(SourceFields f, String path) {
        Optional<String> hash = f.takeText(path + ".hash");
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.putObject("fingerprint").put("algorithm_id", 1).put("algorithm", "MD5").put("value", hash.get());
        f.takeText(path + ".string").ifPresent(s -> h.put("algorithm", s));
        return Optional.of(h);
    }
}
