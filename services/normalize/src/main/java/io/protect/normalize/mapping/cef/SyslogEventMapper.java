package io.protect.normalize.mapping.cef;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import io.protect.model.ocsf.IpAddresses;
import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.EnrichmentView;
import io.protect.normalize.mapping.EventTimes;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.Networks;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.normalize.mapping.SourceFields;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.events.Authentication;
import io.protect.ocsf.model.events.DetectionFinding;
import io.protect.ocsf.model.events.NetworkActivity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Maps a parsed CEF or LEEF event (the objects of ingest's {@code CefParser}/{@code LeefParser}:
 * header fields plus an {@code extension} object) to the OCSF 1.8.0 class its content fits. The
 * two formats share the ArcSight extension dictionary; a {@link Dialect} says which keys each
 * format uses for each concept. Pure.
 *
 * <p>Class, decided by {@link #kind} from the event's words and fields:
 * <ol>
 *   <li><b>Detection Finding 2004</b> when the name, category or signature id has detection
 *       words ({@link #DETECTION_WORDS}: virus, malware, attack, threat, intrusion, IPS, exploit,
 *       anomaly, WAF, DLP, suspicious, detection, alert, ...);</li>
 *   <li>else <b>Authentication 3002</b> when a user is named ({@code suser}/{@code duser} or the
 *       dialect's equivalents) and either an {@code outcome} says success or failure or the words say log on,
 *       log off, login, logout, sign-in or authentication;</li>
 *   <li>else <b>Network Activity 4001</b> when an endpoint is named ({@code src}, {@code dst},
 *       {@code shost}, {@code dhost}) together with a port or protocol;</li>
 *   <li>else <b>Detection Finding 2004</b> (the table's default for CEF/LEEF).</li>
 * </ol>
 *
 * <p>Fields (CEF key / LEEF key → OCSF):
 * <ul>
 *   <li>{@code deviceVendor}/{@code deviceProduct}/{@code deviceVersion} → {@code metadata.product}
 *       (vendor_name, name, version); {@code signatureId}/{@code eventId} → {@code metadata.event_code};
 *       {@code metadata.log_name} {@code cef}/{@code leef}, log_format {@code CEF}/{@code LEEF}.</li>
 *   <li>Severity: CEF {@code severity} 0–3 → 2 Low, 4–6 → 3 Medium, 7–8 → 4 High, 9–10 → 5
 *       Critical (the spec's Very-High); the words Low/Medium/High/Very-High likewise, Unknown → 0.
 *       LEEF {@code sev} 1–10 uses the same bands. Anything else → 0 Unknown and the value stays in
 *       unmapped.</li>
 *   <li>{@code rt} / {@code devTime} (epoch ms or {@code MMM dd yyyy HH:mm:ss}, see
 *       {@link SyslogEventTimes}) → {@code time}, {@code timezone_offset} and
 *       {@code metadata.original_time}; without it the syslog header's ISO time stamp, then
 *       {@code start}, then the receipt time. {@code start}/{@code end} → {@code start_time}/{@code end_time}.</li>
 *   <li>{@code src}/{@code dst}, {@code spt}/{@code dpt} ({@code srcPort}/{@code dstPort}),
 *       {@code shost}/{@code dhost}, {@code smac}/{@code dmac} ({@code srcMAC}/{@code dstMAC}) →
 *       {@code src_endpoint}/{@code dst_endpoint} (in {@code evidences[0]} for a Detection Finding),
 *       with enrich's geo; a name in {@code src}/{@code dst} becomes the hostname.
 *       {@code proto} (name or IANA number) and {@code deviceDirection} (0 inbound, 1 outbound) →
 *       {@code connection_info}.</li>
 *   <li>{@code suser}/{@code duser} ({@code usrName}, ...) → Authentication {@code user} (the
 *       destination user when given, else the source user) and {@code actor.user} (the source user
 *       when both are given); {@code actor.user} for Network Activity; {@code evidences[0].user}
 *       for a Detection Finding.</li>
 *   <li>{@code act} → {@code action}/{@code action_id} (allow/accept/pass/permit → Allowed,
 *       deny/block/drop/discard/reject/reset/quarantine → Denied, alert/detect/log → Observed) and
 *       {@code disposition_id} (Allowed, Blocked, Dropped, Rejected, Quarantined, Detected), with
 *       the security_control profile; any other verb (login, MKDIR, Redirect) stays in unmapped; {@code outcome} → {@code status_id}
 *       (success → Success, fail/failure/denied → Failure); {@code reason} → {@code status_detail}.</li>
 *   <li>{@code msg} → {@code message} (else the event name); {@code cat} → {@code finding_info.types};
 *       {@code externalId} → {@code finding_info.uid} (else the Protect event id);
 *       {@code name}/{@code signatureId} → {@code finding_info.title}/{@code analytic}.</li>
 *   <li>{@code request} → {@code url} (Network Activity) or {@code evidences[0].url};
 *       {@code requestMethod}, {@code requestClientApplication} → {@code evidences[0].http_request};
 *       {@code app} → {@code app_name} (Network Activity) or {@code service.name} (Authentication).</li>
 *   <li>{@code fname}/{@code filePath}/{@code fileHash}/{@code fsize} → {@code evidences[0].file}
 *       (hash algorithm from its length: 32 MD5, 40 SHA-1, 64 SHA-256).</li>
 *   <li>{@code in}/{@code out} → {@code traffic.bytes_in}/{@code bytes_out}; {@code cnt} → {@code count};
 *       {@code dvc}/{@code dvchost}/{@code deviceExternalId} → {@code device}.</li>
 *   <li>Custom fields with a label ({@code cs1} + {@code cs1Label}, {@code cn2} + {@code cn2Label},
 *       any {@code X} + {@code XLabel}) → {@code unmapped.extension.<label>} = value; a label
 *       without its field, or a label that would clash with another key, stays as it is.</li>
 *   <li>Everything else (vendor keys, the syslog header, values OCSF cannot hold) stays in
 *       {@code unmapped}, nested as in the parsed event; {@code raw_data} is the parsed event.</li>
 * </ul>
 */
public final class SyslogEventMapper implements AlertMapper {

    /** The OCSF class a CEF/LEEF event maps to. */
    public enum Kind { AUTHENTICATION, NETWORK_ACTIVITY, DETECTION_FINDING }

    /**
     * How one format names things.
     *
     * @param format {@code CEF} or {@code LEEF} (log_format)
     * @param eventIdField the header field holding the event/signature id
     * @param severityPath the path of the severity value
     * @param titlePaths where the event's name is, first found wins
     * @param keys concept → candidate paths, first found wins (concepts listed in {@link #CONCEPTS})
     * @param timeFormatPath the path of a date pattern for the event time, or null
     */
    public record Dialect(String format, String eventIdField, String severityPath, List<String> titlePaths,
            Map<String, List<String>> keys, String timeFormatPath) {

        List<String> paths(String concept) {
            return keys.getOrDefault(concept, List.of());
        }
    }

    /** The concepts a dialect names keys for. */
    public static final List<String> CONCEPTS = List.of("src", "dst", "spt", "dpt", "proto", "suser", "duser",
            "shost", "dhost", "smac", "dmac", "request", "requestMethod", "userAgent", "app", "act", "outcome", "msg",
            "rt", "start", "end", "cat", "fname", "filePath", "fileHash", "fsize", "dvc", "dvchost", "deviceExternalId",
            "externalId", "deviceDirection", "in", "out", "cnt", "reason", "dtz");

    /** Words that make an event a detection (matched on name, category and signature id). */
    public static final Pattern DETECTION_WORDS = Pattern.compile("(?i)virus|malware|malop|attack|threat|intrusion"
            + "|\\bips\\b|\\bids\\b|exploit|spyware|ransom|anomal|\\bwaf\\b|appfw|\\bdlp\\b|data loss|suspicious|detect"
            + "|\\bcnc\\b|c&c|botnet|phish|trojan|\\bworm\\b|infected|quarantin|violation|\\balert\\b|reputation"
            + "|sandbox|\\batp\\b|vulnerab|hacking");
    /** Words that make an event with a user an authentication. */
    public static final Pattern AUTH_WORDS = Pattern.compile(
            "(?i)log ?on|log ?in|log ?off|log ?out|sign[ -]?in|sign[ -]?out|authenticat|\\bauth\\b");
    private static final Pattern LOGOFF_WORDS = Pattern.compile("(?i)log ?off|log ?out|sign[ -]?out|disconnect");

    private static final ObjectReader STRICT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final java.util.Set<String> OCSF_HTTP_METHODS =
            java.util.Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");

    private final Dialect dialect;
    private final Kind kind;

    public SyslogEventMapper(Dialect dialect, Kind kind) {
        this.dialect = dialect;
        this.kind = kind;
    }

    /** The class this mapper produces. */
    public Kind kind() {
        return kind;
    }

    /** The class a parsed event's content fits (rules in the class comment). */
    public static Kind kind(JsonNode event, Dialect dialect) {
        String words = String.join(" ", text(event, dialect.titlePaths()), text(event, List.of(dialect.eventIdField())),
                text(event, dialect.paths("cat")));
        if (DETECTION_WORDS.matcher(words).find()) {
            return Kind.DETECTION_FINDING;
        }
        boolean user = !text(event, dialect.paths("suser")).isBlank() || !text(event, dialect.paths("duser")).isBlank();
        // An outcome counts when it says success or failure (Fortinet writes outcome=start for VoIP calls)
        boolean outcome = status(text(event, dialect.paths("outcome"))) != 0;
        String authText = words + " " + text(event, dialect.paths("act"));
        if (user && (outcome || AUTH_WORDS.matcher(authText).find())) {
            return Kind.AUTHENTICATION;
        }
        boolean endpoint = !text(event, dialect.paths("src")).isBlank() || !text(event, dialect.paths("dst")).isBlank()
                || !text(event, dialect.paths("shost")).isBlank() || !text(event, dialect.paths("dhost")).isBlank();
        boolean portOrProto = !text(event, dialect.paths("spt")).isBlank() || !text(event, dialect.paths("dpt")).isBlank()
                || !text(event, dialect.paths("proto")).isBlank();
        return endpoint && portOrProto ? Kind.NETWORK_ACTIVITY : Kind.DETECTION_FINDING;
    }

    /** The first non-blank text among paths, or "". */
    private static String text(JsonNode event, List<String> paths) {
        for (String p : paths) {
            JsonNode v = at(event, p);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return "";
    }

    private static JsonNode at(JsonNode event, String path) {
        JsonNode n = event;
        for (String part : path.split("\\.", 2)) {
            n = n == null ? null : n.get(part);
        }
        return n;
    }

    @Override
    public Record map(AlertEnriched input, MappingContext context) {
        JsonNode event = input.alert().object();
        Fields f = new Fields(event);
        EnrichmentView enrichment = new EnrichmentView(input.enrichment());
        ObjectNode e = Json.MAPPER.createObjectNode();

        // Product and identity
        String vendor = f.takeText("deviceVendor").orElse(null);
        String product = f.takeText("deviceProduct").orElse(null);
        String version = f.takeText("deviceVersion").orElse(null);
        String eventId = f.takeText(dialect.eventIdField()).orElse(null);
        Optional<Taken> tTitle = f.taken(dialect.titlePaths());
        String title = tTitle.map(Taken::text).orElse(null);
        if (title == null) {
            title = (product != null ? product : dialect.format()) + " event " + (eventId != null ? eventId : "");
        }
        title = title.strip();

        // Time
        Optional<Taken> tDtz = f.taken(dialect.paths("dtz"));
        String dtz = tDtz.map(Taken::text).orElse(null);
        String timeFormat = dialect.timeFormatPath() == null ? null
                : f.peek(dialect.timeFormatPath()).map(JsonNode::asText).orElse(null);
        Optional<String> timeText = Optional.empty();
        Optional<EventTimes.Parsed> time = Optional.empty();
        for (String p : dialect.paths("rt")) {
            Optional<String> t = peekText(f, p);
            Optional<EventTimes.Parsed> parsed = t.flatMap(x -> SyslogEventTimes.parse(x, timeFormat, dtz));
            if (parsed.isPresent()) {
                f.consume(p);
                timeText = t;
                time = parsed;
                if (dialect.timeFormatPath() != null) {
                    f.consume(dialect.timeFormatPath());
                }
                break;
            }
        }
        if (time.isEmpty()) {
            Optional<String> t = peekText(f, "syslog.timestamp");
            Optional<EventTimes.Parsed> parsed = t.flatMap(EventTimes::parseIso);
            if (parsed.isPresent()) {
                f.consume("syslog.timestamp");
                timeText = t;
                time = parsed;
            }
        }
        Optional<EventTimes.Parsed> start = takeTime(f, dialect.paths("start"), dtz);
        Optional<EventTimes.Parsed> end = takeTime(f, dialect.paths("end"), dtz);
        if (time.isEmpty()) {
            time = start.or(() -> end);
        }
        if (time.isEmpty()) {
            f.restore(tDtz); // the zone read no time
        }
        long epoch = time.map(EventTimes.Parsed::epochMillis).orElse(context.receivedAt().toEpochMilli());
        e.put("time", epoch);
        time.ifPresent(t -> e.put("timezone_offset", t.offsetMinutes()));
        start.ifPresent(t -> e.put("start_time", t.epochMillis()));
        end.ifPresent(t -> e.put("end_time", t.epochMillis()));

        // Severity
        Optional<String> severityText = peekText(f, dialect.severityPath());
        SeverityId severity = severityText.map(SyslogEventMapper::severity).orElse(SeverityId.UNKNOWN);
        if (severityText.isPresent() && (severity != SeverityId.UNKNOWN || severityText.get().equalsIgnoreCase("unknown"))) {
            f.consume(dialect.severityPath());
        }
        e.put("severity_id", severity.value());
        e.put("severity", severity.caption());

        // Network
        Optional<Taken> tSrcText = f.taken(dialect.paths("src"));
        String srcText = tSrcText.map(Taken::text).orElse(null);
        Optional<Taken> tDstText = f.taken(dialect.paths("dst"));
        String dstText = tDstText.map(Taken::text).orElse(null);
        String srcIp = srcText != null && IpAddresses.isIpAddress(srcText) ? srcText : null;
        String dstIp = dstText != null && IpAddresses.isIpAddress(dstText) ? dstText : null;
        Optional<Taken> spt = takePort(f, dialect.paths("spt"));
        Optional<Taken> dpt = takePort(f, dialect.paths("dpt"));
        ObjectNode src = endpoint(f, srcIp, srcIp == null ? tSrcText : Optional.empty(), spt, "shost", "smac", enrichment, true);
        ObjectNode dst = endpoint(f, dstIp, dstIp == null ? tDstText : Optional.empty(), dpt, "dhost", "dmac", enrichment, false);
        srcIp = src == null ? null : src.path("ip").asText(null);
        dstIp = dst == null ? null : dst.path("ip").asText(null);
        // Authentication has no connection_info: there proto and deviceDirection stay in unmapped
        ObjectNode connection = kind == Kind.AUTHENTICATION ? null : connectionInfo(f, srcIp, dstIp);

        // Users
        Optional<Taken> tSuser = f.taken(dialect.paths("suser"));
        String suser = tSuser.map(Taken::text).orElse(null);
        Optional<Taken> tDuser = f.taken(dialect.paths("duser"));
        String duser = tDuser.map(Taken::text).orElse(null);

        // Action and outcome
        Optional<Taken> tAct = f.taken(dialect.paths("act"));
        String act = tAct.map(Taken::text).orElse(null);
        ObjectNode actionFields = actionFields(act);
        Optional<Taken> tOutcome = f.taken(dialect.paths("outcome"));
        String outcome = tOutcome.map(Taken::text).orElse(null);
        Optional<Taken> tReason = f.taken(dialect.paths("reason"));
        String reason = tReason.map(Taken::text).orElse(null);
        String msg = take(f, dialect.paths("msg")).orElse(null);
        e.put("message", msg != null ? msg : title);
        if (msg != null && kind != Kind.DETECTION_FINDING) {
            f.restore(tTitle); // only a Detection Finding has a home (finding_info.title) for the name besides the message
        }
        Optional<Taken> tExternalId = f.taken(dialect.paths("externalId"));
        String externalId = tExternalId.map(Taken::text).orElse(null);
        Optional<Taken> tCat = f.taken(dialect.paths("cat"));
        String cat = tCat.map(Taken::text).orElse(null);
        Integer count = takeInt(f, dialect.paths("cnt"));
        if (count != null && count >= 0) {
            e.put("count", count);
        }

        // Device
        ObjectNode device = device(f);
        if (device != null) {
            e.set("device", device);
        }

        // Observables
        List<ObjectNode> observables = new ArrayList<>();
        String prefix = kind == Kind.DETECTION_FINDING ? "evidences." : "";
        if (srcIp != null) {
            observables.add(observable(prefix + "src_endpoint.ip", ObservableTypeId.IP_ADDRESS, srcIp, enrichment));
        }
        if (dstIp != null) {
            observables.add(observable(prefix + "dst_endpoint.ip", ObservableTypeId.IP_ADDRESS, dstIp, enrichment));
        }
        for (var ep : List.of(Map.entry("src_endpoint", src == null ? Json.MAPPER.createObjectNode() : src),
                Map.entry("dst_endpoint", dst == null ? Json.MAPPER.createObjectNode() : dst))) {
            if (ep.getValue().has("hostname")) {
                observables.add(observable(prefix + ep.getKey() + ".hostname", ObservableTypeId.HOSTNAME,
                        ep.getValue().get("hostname").asText(), enrichment));
            }
        }

        Optional<Taken> tRequest = f.taken(dialect.paths("request"));
        String request = tRequest.map(Taken::text).orElse(null);
        switch (kind) {
            case AUTHENTICATION -> {
                String userName = duser != null ? duser : suser;
                e.set("user", user(userName));
                observables.add(observable("user.name", ObservableTypeId.USER_NAME, userName, enrichment));
                if (duser != null && suser != null) {
                    e.set("actor", Json.MAPPER.createObjectNode().set("user", user(suser)));
                    observables.add(observable("actor.user.name", ObservableTypeId.USER_NAME, suser, enrichment));
                }
                boolean logoff = LOGOFF_WORDS.matcher(title + " " + (act == null ? "" : act)).find();
                e.put("activity_id", logoff ? 2 : 1);
                e.put("activity_name", logoff ? "Logoff" : "Logon");
                e.put("class_name", "Authentication");
                e.put("category_name", "Identity & Access Management");
                e.put("type_name", "Authentication: " + (logoff ? "Logoff" : "Logon"));
                putEndpoints(e, src, dst);
                int status = status(outcome != null ? outcome : title);
                e.put("status_id", status);
                e.put("status", status == 1 ? "Success" : status == 2 ? "Failure" : "Unknown");
                if (reason != null) {
                    e.put("status_detail", reason);
                }
                take(f, dialect.paths("app")).ifPresent(app -> e.set("service", Json.MAPPER.createObjectNode().put("name", app)));
                if (!e.has("service") && !e.has("dst_endpoint")) {
                    // OCSF wants the service or the endpoint authenticated against: the sending product is the service
                    e.set("service", Json.MAPPER.createObjectNode().put("name", product != null ? product : dialect.format()));
                }
                if (actionFields != null) {
                    e.setAll(actionFields);
                }
                if (actionFields == null) {
                    f.restore(tAct);
                }
                if (status == 0 || outcome == null) {
                    f.restore(tOutcome);
                }
                f.restore(tCat);
                f.restore(tExternalId);
                f.restore(tRequest);
            }
            case NETWORK_ACTIVITY -> {
                int activity = networkActivity(title + " " + (act == null ? "" : act));
                e.put("activity_id", activity);
                e.put("activity_name", NETWORK_ACTIVITY_NAMES.get(activity));
                e.put("class_name", "Network Activity");
                e.put("category_name", "Network Activity");
                e.put("type_name", "Network Activity: " + NETWORK_ACTIVITY_NAMES.get(activity));
                putEndpoints(e, src, dst);
                if (connection != null) {
                    e.set("connection_info", connection);
                }
                String user = suser != null ? suser : duser;
                if (user != null) {
                    e.set("actor", Json.MAPPER.createObjectNode().set("user", user(user)));
                    observables.add(observable("actor.user.name", ObservableTypeId.USER_NAME, user, enrichment));
                }
                if (suser != null) {
                    f.restore(tDuser);
                }
                take(f, dialect.paths("app")).ifPresent(app -> e.put("app_name", app));
                if (request != null) {
                    e.set("url", Json.MAPPER.createObjectNode().put("url_string", request));
                    observables.add(observable("url.url_string", ObservableTypeId.URL_STRING, request, enrichment));
                }
                ObjectNode traffic = traffic(f);
                if (traffic != null) {
                    e.set("traffic", traffic);
                }
                if (actionFields != null) {
                    e.setAll(actionFields);
                }
                if (actionFields == null) {
                    f.restore(tAct);
                }
                int status = outcome == null ? 0 : status(outcome);
                if (status != 0) {
                    e.put("status_id", status);
                    e.put("status", status == 1 ? "Success" : "Failure");
                }
                if (status == 0) {
                    f.restore(tOutcome);
                }
                if (reason != null) {
                    e.put("status_detail", reason);
                }
                f.restore(tCat);
                f.restore(tExternalId);
            }
            case DETECTION_FINDING -> {
                e.put("activity_id", 1);
                e.put("activity_name", "Create");
                e.put("class_name", "Detection Finding");
                e.put("category_name", "Findings");
                e.put("type_name", "Detection Finding: Create");
                e.put("status_id", 1);
                e.put("status", "New");
                e.put("is_alert", true);
                ObjectNode info = e.putObject("finding_info");
                info.put("uid", externalId != null ? externalId : context.eventId().toString());
                info.put("title", title);
                if (cat != null) {
                    info.putArray("types").add(cat);
                }
                ObjectNode analytic = info.putObject("analytic");
                analytic.put("type_id", 1).put("type", "Rule");
                if (eventId != null) {
                    analytic.put("uid", eventId);
                }
                analytic.put("name", title);
                info.put("created_time", epoch);
                ObjectNode evidence = Json.MAPPER.createObjectNode();
                if (src != null) {
                    evidence.set("src_endpoint", src);
                }
                if (dst != null) {
                    evidence.set("dst_endpoint", dst);
                }
                if (connection != null) {
                    evidence.set("connection_info", connection);
                }
                String user = duser != null ? duser : suser;
                if (user != null) {
                    evidence.set("user", user(user));
                    observables.add(observable("evidences.user.name", ObservableTypeId.USER_NAME, user, enrichment));
                }
                if (duser != null) {
                    f.restore(tSuser);
                }
                if (request != null) {
                    evidence.set("url", Json.MAPPER.createObjectNode().put("url_string", request));
                    observables.add(observable("evidences.url.url_string", ObservableTypeId.URL_STRING, request, enrichment));
                }
                ObjectNode http = httpRequest(f);
                if (http != null) {
                    evidence.set("http_request", http);
                }
                ObjectNode file = file(f, observables, enrichment);
                if (file != null) {
                    evidence.set("file", file);
                }
                if (!evidence.isEmpty()) {
                    e.putArray("evidences").add(evidence);
                }
                if (actionFields != null) {
                    e.setAll(actionFields);
                    addProfile(e, "security_control");
                }
                if (actionFields == null) {
                    f.restore(tAct);
                }
                f.restore(tOutcome);
                f.restore(tReason);
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        if (kind != Kind.DETECTION_FINDING && actionFields != null) {
            addProfile(e, "security_control");
        }

        // Observables, enrichments, risk
        List<JsonNode> obs = new ArrayList<>(observables);
        List<io.protect.ocsf.model.objects.Observable> typed = new ArrayList<>();
        for (ObjectNode o : observables) {
            typed.add(Json.MAPPER.convertValue(o, io.protect.ocsf.model.objects.Observable.class));
        }
        for (var intel : OcsfParts.intelObservables(enrichment, typed)) {
            obs.add(Json.MAPPER.valueToTree(intel));
        }
        if (!obs.isEmpty()) {
            e.putArray("observables").addAll(obs);
        }
        OptionalInt risk = enrichment.riskScore();
        if (risk.isPresent()) {
            var level = OcsfParts.riskLevel(risk.getAsInt());
            e.put("risk_score", risk.getAsInt());
            e.put("risk_level_id", level.value());
            e.put("risk_level", level.caption());
            String details = OcsfParts.riskDetails(enrichment);
            if (details != null) {
                e.put("risk_details", details);
            }
        }
        var enrichments = OcsfParts.enrichments(enrichment, srcIp, dstIp, input.assetId());
        if (!enrichments.isEmpty()) {
            e.set("enrichments", Json.MAPPER.valueToTree(enrichments));
        }

        // Metadata
        ObjectNode metadata = Json.MAPPER.createObjectNode();
        ObjectNode productNode = metadata.putObject("product");
        productNode.put("name", product != null ? product : dialect.format() + " sender");
        if (vendor != null) {
            productNode.put("vendor_name", vendor);
        }
        if (version != null) {
            productNode.put("version", version);
        }
        metadata.put("version", OcsfParts.OCSF_VERSION);
        metadata.put("log_name", dialect.format().toLowerCase(Locale.ROOT));
        metadata.put("log_format", dialect.format());
        if (eventId != null) {
            metadata.put("event_code", eventId);
        }
        timeText.ifPresent(t -> metadata.put("original_time", t));
        metadata.put("uid", context.eventId().toString());
        if (context.correlationId() != null) {
            metadata.put("correlation_uid", context.correlationId());
        }
        if (context.tenantId() != null) {
            metadata.put("tenant_uid", context.tenantId());
        }
        if (e.has("_profiles")) {
            metadata.set("profiles", e.remove("_profiles"));
        }
        e.set("metadata", metadata);
        e.put("raw_data", OcsfParts.rawData(event));
        JsonNode unmapped = labelled(f.unmapped());
        if (unmapped != null) {
            e.set("unmapped", unmapped);
        }
        return toRecord(e);
    }

    /** The OCSF record of the assembled event; a field the class does not have is a bug, so it fails. */
    private Record toRecord(ObjectNode e) {
        Class<? extends Record> type = switch (kind) {
            case AUTHENTICATION -> Authentication.class;
            case NETWORK_ACTIVITY -> NetworkActivity.class;
            case DETECTION_FINDING -> DetectionFinding.class;
        };
        int classUid = switch (kind) {
            case AUTHENTICATION -> Authentication.CLASS_UID;
            case NETWORK_ACTIVITY -> NetworkActivity.CLASS_UID;
            case DETECTION_FINDING -> DetectionFinding.CLASS_UID;
        };
        e.put("class_uid", classUid);
        e.put("category_uid", classUid / 1000);
        e.put("type_uid", classUid * 100L + e.path("activity_id").asInt());
        try {
            return STRICT.forType(type).readValue(e);
        } catch (IOException ex) {
            throw new IllegalStateException("mapped " + kind + " does not fit its OCSF class: " + ex.getMessage(), ex);
        }
    }

    // ------------------------------------------------------------- pieces

    /** CEF/LEEF severity → OCSF severity, bands in the class comment. */
    public static SeverityId severity(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.matches("\\d{1,2}")) {
            int n = Integer.parseInt(s);
            if (n <= 3) {
                return SeverityId.LOW;
            }
            if (n <= 6) {
                return SeverityId.MEDIUM;
            }
            if (n <= 8) {
                return SeverityId.HIGH;
            }
            return n <= 10 ? SeverityId.CRITICAL : SeverityId.UNKNOWN;
        }
        return switch (s) {
            case "low" -> SeverityId.LOW;
            case "medium" -> SeverityId.MEDIUM;
            case "high" -> SeverityId.HIGH;
            case "very-high", "very high", "veryhigh" -> SeverityId.CRITICAL;
            default -> SeverityId.UNKNOWN;
        };
    }

    /** Outcome (or title) → status_id: 1 Success, 2 Failure, 0 Unknown. */
    static int status(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.matches(".*\\b(fail|failed|failure|denied|deny|rejected|invalid|disabled)\\b.*")) {
            return 2;
        }
        if (t.matches(".*\\b(success|successful|succeeded|succeed|ok|allowed|accepted)\\b.*") || t.contains("success")) {
            return 1;
        }
        return 0;
    }

    static final Map<Integer, String> NETWORK_ACTIVITY_NAMES = Map.of(1, "Open", 2, "Close", 3, "Reset", 4, "Fail",
            5, "Refuse", 6, "Traffic", 99, "Other");

    /** Network Activity's activity from the event's name and action. */
    static int networkActivity(String words) {
        String w = words.toLowerCase(Locale.ROOT);
        if (w.matches(".*\\b(deny|denied|drop|dropped|discard\\w*|block\\w*|reject\\w*|refuse\\w*)\\b.*")) {
            return 5;
        }
        if (w.matches(".*(\\brst\\b|reset).*")) {
            return 3;
        }
        if (w.matches(".*\\b(close|closed|end|timeout|teardown)\\b.*")) {
            return 2;
        }
        if (w.matches(".*\\b(open|opened|start|accept|allow|allowed|permit|pass|built)\\b.*")) {
            return 1;
        }
        return 6;
    }

    /**
     * {@code act} → action, action_id, disposition, disposition_id; null when there is no action or
     * it is not a security-control verb.
     */
    static ObjectNode actionFields(String act) {
        if (act == null) {
            return null;
        }
        String a = act.toLowerCase(Locale.ROOT).strip();
        int actionId;
        int dispositionId;
        if (a.matches("(allow|allowed|accept|accepted|pass|passed|permit|permitted|passthrough|not blocked)")) {
            actionId = 1;
            dispositionId = 1;
        } else if (a.matches("(block|blocked|deny|denied)")) {
            actionId = 2;
            dispositionId = 2;
        } else if (a.matches("(drop|dropped|discard|discarded)")) {
            actionId = 2;
            dispositionId = 6; // Dropped
        } else if (a.matches("(reject|rejected|reset|reset-both|reset-client|reset-server)")) {
            actionId = 2;
            dispositionId = 25; // Rejected
        } else if (a.matches("(quarantine|quarantined)")) {
            actionId = 2;
            dispositionId = 3;
        } else if (a.matches("(alert|alerted|detect|detected|log|logged|monitor)")) {
            actionId = 3; // Observed
            dispositionId = 15; // Detected
        } else {
            return null; // not a security-control verb (login, Redirect, MKDIR, ...): act stays in unmapped
        }
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("action_id", actionId);
        n.put("action", switch (actionId) { case 1 -> "Allowed"; case 2 -> "Denied"; default -> "Observed"; });
        n.put("disposition_id", dispositionId);
        n.put("disposition", io.protect.ocsf.model.enums.DispositionId.of(dispositionId).caption());
        return n;
    }

    private ObjectNode endpoint(Fields f, String ip, Optional<Taken> nameTaken, Optional<Taken> portTaken, String hostConcept,
            String macConcept, EnrichmentView enrichment, boolean source) {
        String name = nameTaken.map(Taken::text).orElse(null);
        String host = take(f, dialect.paths(hostConcept)).orElse(null);
        if (ip == null && host != null && IpAddresses.isIpAddress(host)) {
            ip = host;
            host = null;
        }
        if (host == null && name != null) {
            host = name;
        } else if (name != null) {
            f.restore(nameTaken);
        }
        String mac = null;
        Optional<Taken> macTaken = Optional.empty();
        for (String p : dialect.paths(macConcept)) {
            Optional<String> m = peekText(f, p);
            if (m.isPresent() && m.get().strip().matches("([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}")) {
                macTaken = f.taken(List.of(p));
                mac = m.get().strip();
                break;
            }
        }
        if (ip == null && host == null) {
            // OCSF needs an address or a name for an endpoint: a lone port or MAC stays unmapped
            f.restore(portTaken);
            f.restore(macTaken);
            return null;
        }
        Integer port = portTaken.map(t -> Integer.parseInt(t.text())).orElse(null);
        ObjectNode ep = OcsfParts.endpoint(ip, port,
                ip == null ? Optional.empty() : enrichment.geoFor(ip, source)).toJson();
        if (host != null) {
            ep.put("hostname", host);
        }
        if (mac != null) {
            ep.put("mac", mac);
        }
        return ep;
    }

    private static void putEndpoints(ObjectNode e, ObjectNode src, ObjectNode dst) {
        if (src != null) {
            e.set("src_endpoint", src);
        }
        if (dst != null) {
            e.set("dst_endpoint", dst);
        }
    }

    private ObjectNode connectionInfo(Fields f, String srcIp, String dstIp) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        for (String p : dialect.paths("proto")) {
            Optional<String> v = peekText(f, p);
            if (v.isEmpty()) {
                continue;
            }
            String proto = v.get().strip().toLowerCase(Locale.ROOT);
            if (proto.matches("\\d{1,3}") && Integer.parseInt(proto) <= 255) {
                int num = Integer.parseInt(proto);
                c.put("protocol_num", num);
                PROTOCOL_NAMES.getOrDefault(num, Optional.empty()).ifPresent(n -> c.put("protocol_name", n));
                f.consume(p);
            } else if (Networks.protocolNumber(proto) != null) {
                c.put("protocol_name", proto);
                c.put("protocol_num", Networks.protocolNumber(proto));
                f.consume(p);
            }
            break;
        }
        for (String p : dialect.paths("deviceDirection")) {
            Optional<String> v = peekText(f, p);
            if (v.isPresent() && (v.get().strip().equals("0") || v.get().strip().equals("1"))) {
                f.consume(p);
                boolean inbound = v.get().strip().equals("0");
                c.put("direction_id", inbound ? 1 : 2);
                c.put("direction", inbound ? "Inbound" : "Outbound");
            }
        }
        if (c.isEmpty() && (srcIp == null || dstIp == null)) {
            return null;
        }
        if (!c.has("direction_id")) {
            var d = Networks.direction(srcIp, dstIp); // Unknown when an address is missing
            c.put("direction_id", d.value());
            c.put("direction", d.caption());
        }
        return c;
    }

    private static final Map<Integer, Optional<String>> PROTOCOL_NAMES = Map.of(1, Optional.of("icmp"),
            6, Optional.of("tcp"), 17, Optional.of("udp"), 47, Optional.of("gre"), 50, Optional.of("esp"),
            58, Optional.of("ipv6-icmp"), 132, Optional.of("sctp"));

    private ObjectNode device(Fields f) {
        String ip = null;
        for (String p : dialect.paths("dvc")) {
            Optional<String> v = peekText(f, p);
            if (v.isPresent() && IpAddresses.isIpAddress(v.get().strip())) {
                f.consume(p);
                ip = v.get().strip();
                break;
            }
        }
        String host = take(f, dialect.paths("dvchost")).orElse(null);
        String uid = take(f, dialect.paths("deviceExternalId")).orElse(null);
        if (ip == null && host == null && uid == null) {
            return null;
        }
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("type_id", 0);
        d.put("type", "Unknown");
        if (ip != null) {
            d.put("ip", ip);
        }
        if (host != null) {
            d.put("hostname", host);
        }
        if (uid != null) {
            d.put("uid", uid);
        }
        return d;
    }

    private ObjectNode traffic(Fields f) {
        Long in = takeLong(f, dialect.paths("in"));
        Long out = takeLong(f, dialect.paths("out"));
        if (in == null && out == null) {
            return null;
        }
        ObjectNode t = Json.MAPPER.createObjectNode();
        if (in != null) {
            t.put("bytes_in", in);
        }
        if (out != null) {
            t.put("bytes_out", out);
        }
        if (in != null && out != null) {
            t.put("bytes", in + out);
        }
        return t;
    }

    private ObjectNode httpRequest(Fields f) {
        ObjectNode h = Json.MAPPER.createObjectNode();
        for (String p : dialect.paths("requestMethod")) {
            Optional<String> m = peekText(f, p);
            if (m.isPresent() && OCSF_HTTP_METHODS.contains(m.get().strip().toUpperCase(Locale.ROOT))) {
                f.consume(p);
                h.put("http_method", m.get().strip().toUpperCase(Locale.ROOT));
                break;
            }
        }
        take(f, dialect.paths("userAgent")).ifPresent(ua -> h.put("user_agent", ua));
        return h.isEmpty() ? null : h;
    }

    private ObjectNode file(Fields f, List<ObjectNode> observables, EnrichmentView enrichment) {
        String name = take(f, dialect.paths("fname")).orElse(null);
        String path = take(f, dialect.paths("filePath")).orElse(null);
        if (name == null && path == null) {
            return null;
        }
        ObjectNode file = Json.MAPPER.createObjectNode();
        String fileName = name != null ? name : path.replaceAll(".*[\\\\/]", "");
        if (fileName.isBlank()) {
            fileName = path;
        }
        file.put("name", fileName);
        if (path != null) {
            file.put("path", path);
        }
        file.put("type_id", 0);
        file.put("type", "Unknown");
        for (String p : dialect.paths("fileHash")) {
            Optional<String> h = peekText(f, p);
            if (h.isPresent()) {
                String v = h.get().strip();
                Integer algorithm = switch (v.length()) {
                    case 32 -> 1;
                    case 40 -> 2;
                    case 64 -> 3;
                    case 128 -> 4;
                    default -> null;
                };
                if (algorithm != null && v.matches("[0-9A-Fa-f]+")) {
                    f.consume(p);
                    ObjectNode fp = file.putArray("hashes").addObject();
                    fp.put("algorithm_id", algorithm);
                    fp.put("algorithm", switch (algorithm) { case 1 -> "MD5"; case 2 -> "SHA-1"; case 3 -> "SHA-256"; default -> "SHA-512"; });
                    fp.put("value", v);
                    observables.add(observable("evidences.file.hashes.value", ObservableTypeId.HASH, v, enrichment));
                }
                break;
            }
        }
        Long size = takeLong(f, dialect.paths("fsize"));
        if (size != null) {
            file.put("size", size);
        }
        observables.add(observable("evidences.file.name", ObservableTypeId.FILE_NAME, fileName, enrichment));
        return file;
    }

    private static ObjectNode user(String name) {
        return Json.MAPPER.createObjectNode().put("name", name);
    }

    private static ObjectNode observable(String name, ObservableTypeId type, String value, EnrichmentView enrichment) {
        return Json.MAPPER.valueToTree(OcsfParts.observable(name, type, value, enrichment));
    }

    private static void addProfile(ObjectNode e, String profile) {
        ArrayNode profiles = e.has("_profiles") ? (ArrayNode) e.get("_profiles") : e.putArray("_profiles");
        for (JsonNode p : profiles) {
            if (p.asText().equals(profile)) {
                return;
            }
        }
        profiles.add(profile);
    }

    /** The unmapped object with custom fields named by their labels (rules in the class comment). */
    static JsonNode labelled(JsonNode unmapped) {
        if (unmapped == null || !unmapped.path("extension").isObject()) {
            return unmapped;
        }
        ObjectNode ext = (ObjectNode) unmapped.get("extension");
        List<String> keys = new ArrayList<>();
        ext.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode label = ext.get(key + "Label");
            if (label == null || !label.isTextual() || !ext.has(key)) {
                continue;
            }
            String name = label.asText().strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).strip();
            }
            if (name.isEmpty() || ext.has(name)) {
                continue; // a clash or no name: keep the field and its label as they are
            }
            JsonNode value = ext.remove(key);
            ext.remove(key + "Label");
            ext.set(name, value);
        }
        return unmapped;
    }

    /**
     * The source fields still unmapped: {@link SourceFields} plus {@link #restore}, for a value that
     * was taken to decide something and then found no OCSF home in the chosen class.
     */
    static final class Fields {
        private final SourceFields fields;
        private final ObjectNode restored = Json.MAPPER.createObjectNode();

        Fields(JsonNode event) {
            this.fields = new SourceFields(event);
        }

        Optional<JsonNode> peek(String path) {
            return fields.peek(path);
        }

        void consume(String path) {
            fields.consume(path);
        }

        Optional<String> takeText(String path) {
            return fields.takeText(path);
        }

        /** The first non-blank value among paths, consumed, with its path. */
        Optional<Taken> taken(List<String> paths) {
            for (String p : paths) {
                Optional<JsonNode> v = fields.peek(p);
                if (v.isPresent() && v.get().isValueNode() && !v.get().isNull() && !v.get().asText().isBlank()) {
                    fields.consume(p);
                    return Optional.of(new Taken(p, v.get()));
                }
            }
            return Optional.empty();
        }

        /** Puts a taken value back into unmapped, at its path. */
        void restore(Optional<Taken> taken) {
            taken.ifPresent(t -> {
                String[] parts = t.path().split("\\.", 2);
                if (parts.length == 1) {
                    restored.set(parts[0], t.value());
                } else {
                    JsonNode parent = restored.get(parts[0]);
                    ObjectNode obj = parent instanceof ObjectNode o ? o : restored.putObject(parts[0]);
                    obj.set(parts[1], t.value());
                }
            });
        }

        JsonNode unmapped() {
            JsonNode left = fields.unmapped();
            if (restored.isEmpty()) {
                return left;
            }
            ObjectNode out = left == null ? Json.MAPPER.createObjectNode() : (ObjectNode) left;
            restored.fields().forEachRemaining(en -> {
                if (en.getValue().isObject() && out.get(en.getKey()) instanceof ObjectNode existing) {
                    existing.setAll((ObjectNode) en.getValue());
                } else {
                    out.set(en.getKey(), en.getValue());
                }
            });
            return out;
        }
    }

    /** A value taken from a path. */
    record Taken(String path, JsonNode value) {
        String text() {
            return value.asText().strip();
        }
    }

    // ------------------------------------------------------------- SourceFields helpers

    private static Optional<String> peekText(Fields f, String path) {
        return f.peek(path).filter(v -> v.isValueNode() && !v.isNull() && !v.asText().isBlank()).map(JsonNode::asText);
    }

    private static Optional<String> take(Fields f, String path) {
        return f.takeText(path).map(String::strip);
    }

    private static Optional<String> take(Fields f, List<String> paths) {
        for (String p : paths) {
            Optional<String> v = take(f, p);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static Integer takeInt(Fields f, List<String> paths) {
        for (String p : paths) {
            Optional<String> v = peekText(f, p);
            if (v.isPresent() && v.get().strip().matches("\\d{1,9}")) {
                f.consume(p);
                return Integer.parseInt(v.get().strip());
            }
        }
        return null;
    }

    /** A port (1-65535, spaces around allowed), consumed, with its path. */
    private static Optional<Taken> takePort(Fields f, List<String> paths) {
        for (String p : paths) {
            Optional<String> v = peekText(f, p);
            if (v.isPresent() && v.get().strip().matches("\\d{1,5}") && Integer.parseInt(v.get().strip()) <= 65535) {
                return f.taken(List.of(p));
            }
        }
        return Optional.empty();
    }

    private static Long takeLong(Fields f, List<String> paths) {
        for (String p : paths) {
            Optional<String> v = peekText(f, p);
            if (v.isPresent() && v.get().strip().matches("\\d{1,18}")) {
                f.consume(p);
                return Long.parseLong(v.get().strip());
            }
        }
        return null;
    }

    private static Optional<EventTimes.Parsed> takeTime(Fields f, List<String> paths, String dtz) {
        for (String p : paths) {
            Optional<EventTimes.Parsed> t = peekText(f, p).flatMap(x -> SyslogEventTimes.parse(x, null, dtz));
            if (t.isPresent()) {
                f.consume(p);
                return t;
            }
        }
        return Optional.empty();
    }
}
