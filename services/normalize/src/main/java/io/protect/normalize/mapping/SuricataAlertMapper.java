package io.protect.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.AlertEnriched;
import io.protect.ocsf.model.enums.AnalyticTypeId;
import io.protect.ocsf.model.enums.ConfidenceId;
import io.protect.ocsf.model.enums.DetectionFindingActivityId;
import io.protect.ocsf.model.enums.DetectionFindingStatusId;
import io.protect.ocsf.model.enums.DispositionId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.SecurityControlActionId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.events.DetectionFinding;
import io.protect.ocsf.model.objects.Analytic;
import io.protect.ocsf.model.objects.Attack;
import io.protect.ocsf.model.objects.Evidences;
import io.protect.ocsf.model.objects.FindingInfo;
import io.protect.ocsf.model.objects.HttpRequest;
import io.protect.ocsf.model.objects.Metadata;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Product;
import io.protect.ocsf.model.objects.SubTechnique;
import io.protect.ocsf.model.objects.Tactic;
import io.protect.ocsf.model.objects.Technique;
import io.protect.ocsf.model.objects.Url;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Maps a Suricata EVE {@code alert} record to an OCSF 1.8.0 Detection Finding (class 2004,
 * activity Create, type 200401, status New).
 *
 * <p>Mapping (EVE → OCSF):
 * <ul>
 *   <li>{@code timestamp} → {@code time} (epoch ms, honouring its offset, e.g. {@code -0600}),
 *       {@code timezone_offset} (minutes) and {@code metadata.original_time} (the text). An
 *       unreadable timestamp falls back to the time Protect received the alert and stays in
 *       {@code unmapped}.</li>
 *   <li>{@code alert.severity} → {@code severity_id}: Suricata's 1 is its highest priority, so
 *       1 → 4 High, 2 → 3 Medium, 3 → 2 Low, 4 and above (custom rule priorities) → 1
 *       Informational, absent → 0 Unknown. Critical (5) is reserved for correlation upstream of a
 *       single rule hit, and 99 Other is never used.</li>
 *   <li>{@code alert.signature}/{@code signature_id}/{@code rev}/{@code category}/{@code gid} →
 *       {@code finding_info} (uid {@code <flow_id>:<gid>:<signature_id>}, title, types [category],
 *       analytic of type Rule with uid = signature id, version = rev) and {@code message}.</li>
 *   <li>ET rule metadata {@code mitre_tactic_id/name}, {@code mitre_technique_id/name} (parallel
 *       arrays) → {@code attacks} and {@code finding_info.attacks}; a technique id with a dot
 *       ({@code T1059.001}) becomes a sub-technique under its parent technique. {@code confidence}
 *       → {@code confidence_id}. Other metadata stays in {@code unmapped}.</li>
 *   <li>{@code alert.action} allowed/blocked → {@code action_id} Allowed/Denied and
 *       {@code disposition_id} Allowed/Blocked (the security_control profile).</li>
 *   <li>{@code src_ip}/{@code src_port}/{@code dest_ip}/{@code dest_port}/{@code proto}/
 *       {@code community_id} → {@code evidences[0]} src/dst endpoints (with enrich's geo as
 *       {@code location} and {@code autonomous_system}) and {@code connection_info} (protocol,
 *       IANA number, direction from RFC 1918 ranges). Detection Finding has no top-level
 *       endpoints in OCSF 1.8.0: evidences are where they belong.</li>
 *   <li>{@code http} hostname/url/method/user agent/protocol → {@code evidences[0].http_request}
 *       (a method outside OCSF's enumeration, e.g. WebDAV's PROPFIND, stays in unmapped).</li>
 *   <li>Observables: both IPs, the HTTP hostname and user agent, and intel indicators, with
 *       reputation where enrich's intel matched.</li>
 *   <li>Enrichment → {@code risk_score}, {@code risk_level_id}, {@code risk_details} and
 *       {@code enrichments} (see {@link OcsfParts}).</li>
 *   <li>{@code metadata}: product Suricata by OISF (no version: alert records do not carry it),
 *       log_name {@code eve.json}, uid = the Protect event id, tenant and correlation ids, profiles
 *       [security_control]. {@code raw_data} is the original alert.</li>
 *   <li>Everything else ({@code flow}, {@code app_proto}, {@code pcap_cnt}, {@code payload}, the
 *       remaining {@code http}/{@code tls} fields, ...) is kept in {@code unmapped}.</li>
 * </ul>
 */
public final class SuricataAlertMapper implements AlertMapper {

    static final String PRODUCT = "Suricata";
    static final String VENDOR = "OISF";
    static final String LOG_NAME = "eve.json";
    static final String SECURITY_CONTROL_PROFILE = "security_control";
    /** The values OCSF 1.8.0 allows in {@code http_request.http_method}. */
    static final java.util.Set<String> OCSF_HTTP_METHODS =
            java.util.Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");

    @Override
    public DetectionFinding map(AlertEnriched input, MappingContext context) {
        SourceFields f = new SourceFields(input.alert().object());
        EnrichmentView enrichment = new EnrichmentView(input.enrichment());

        // Time
        Optional<String> timestampText = f.peek("timestamp").filter(JsonNode::isTextual).map(JsonNode::asText);
        Optional<EventTimes.Parsed> parsed = timestampText.flatMap(EventTimes::parseIso);
        parsed.ifPresent(p -> f.consume("timestamp"));
        long time = parsed.map(EventTimes.Parsed::epochMillis).orElse(context.receivedAt().toEpochMilli());

        // Network
        String srcIp = f.takeText("src_ip").orElse(null);
        String dstIp = f.takeText("dest_ip").orElse(null);
        Integer srcPort = f.takeInt("src_port").orElse(null);
        Integer dstPort = f.takeInt("dest_port").orElse(null);
        String proto = f.takeText("proto").orElse(null);
        String communityId = f.takeText("community_id").orElse(null);
        String flowId = f.takeText("flow_id").orElse(null);
        String eventType = f.takeText("event_type").orElse("alert");

        // Rule
        String signature = f.takeText("alert.signature").orElse(null);
        String signatureId = f.takeText("alert.signature_id").orElse(null);
        String rev = f.takeText("alert.rev").orElse(null);
        String gid = f.takeText("alert.gid").orElse("1");
        String category = f.takeText("alert.category").orElse(null);
        OptionalInt suricataSeverity = f.takeInt("alert.severity").map(OptionalInt::of).orElse(OptionalInt.empty());
        String action = f.takeText("alert.action").orElse(null);
        List<Attack> attacks = attacks(f);
        ConfidenceId confidence = confidence(f);

        SeverityId severity = severity(suricataSeverity);
        String title = signature != null ? signature : "Suricata alert " + gid + ":" + signatureId;

        Analytic analytic = signatureId == null && signature == null ? null : Analytic.builder()
                .typeId(AnalyticTypeId.RULE)
                .type(AnalyticTypeId.RULE.caption())
                .uid(signatureId)
                .name(signature)
                .version(rev)
                .category(category)
                .build();
        FindingInfo findingInfo = FindingInfo.builder()
                .uid((flowId != null ? flowId : context.eventId().toString()) + ":" + gid + ":" + (signatureId != null ? signatureId : "0"))
                .title(title)
                .types(category == null ? null : List.of(category))
                .analytic(analytic)
                .attacks(attacks.isEmpty() ? null : attacks)
                .createdTime(time)
                .build();

        // Evidence
        NetworkEndpoint src = srcIp == null && srcPort == null ? null
                : OcsfParts.endpoint(srcIp, srcPort, enrichment.geoFor(srcIp, true));
        NetworkEndpoint dst = dstIp == null && dstPort == null ? null
                : OcsfParts.endpoint(dstIp, dstPort, enrichment.geoFor(dstIp, false));
        HttpRequest http = httpRequest(f);
        Evidences evidence = Evidences.builder()
                .srcEndpoint(src)
                .dstEndpoint(dst)
                .connectionInfo(proto == null && communityId == null ? null
                        : OcsfParts.connectionInfo(proto, srcIp, dstIp, communityId))
                .httpRequest(http)
                .build();
        boolean hasEvidence = src != null || dst != null || evidence.connectionInfo() != null;

        // Observables
        List<Observable> observables = new ArrayList<>();
        if (srcIp != null) {
            observables.add(OcsfParts.observable("evidences.src_endpoint.ip", ObservableTypeId.IP_ADDRESS, srcIp, enrichment));
        }
        if (dstIp != null) {
            observables.add(OcsfParts.observable("evidences.dst_endpoint.ip", ObservableTypeId.IP_ADDRESS, dstIp, enrichment));
        }
        if (http != null && http.url() != null && http.url().hostname() != null) {
            observables.add(OcsfParts.observable("evidences.http_request.url.hostname", ObservableTypeId.HOSTNAME,
                    http.url().hostname(), enrichment));
        }
        if (http != null && http.userAgent() != null) {
            observables.add(OcsfParts.observable("evidences.http_request.user_agent", ObservableTypeId.HTTP_USER_AGENT,
                    http.userAgent(), enrichment));
        }
        observables.addAll(OcsfParts.intelObservables(enrichment, observables));

        // Disposition
        SecurityControlActionId actionId = actionId(action);
        DispositionId dispositionId = dispositionId(action);

        Metadata metadata = Metadata.builder()
                .product(Product.builder().name(PRODUCT).vendorName(VENDOR).build())
                .version(OcsfParts.OCSF_VERSION)
                .logName(LOG_NAME)
                .logFormat("JSON")
                .eventCode(eventType)
                .originalTime(timestampText.orElse(null))
                .uid(context.eventId().toString())
                .correlationUid(context.correlationId())
                .tenantUid(context.tenantId())
                .profiles(List.of(SECURITY_CONTROL_PROFILE))
                .build();

        OptionalInt risk = enrichment.riskScore();
        DetectionFinding.Builder b = DetectionFinding.builder()
                .activityId(DetectionFindingActivityId.CREATE)
                .activityName(DetectionFindingActivityId.CREATE.caption())
                .className("Detection Finding")
                .categoryName("Findings")
                .typeName("Detection Finding: " + DetectionFindingActivityId.CREATE.caption())
                .time(time)
                .timezoneOffset(parsed.map(EventTimes.Parsed::offsetMinutes).orElse(null))
                .severityId(severity)
                .severity(severity.caption())
                .statusId(DetectionFindingStatusId.NEW)
                .status(DetectionFindingStatusId.NEW.caption())
                .isAlert(true)
                .message(title)
                .findingInfo(findingInfo)
                .attacks(attacks.isEmpty() ? null : attacks)
                .confidenceId(confidence)
                .confidence(confidence == null ? null : confidence.caption())
                .actionId(actionId)
                .action(actionId.caption())
                .dispositionId(dispositionId)
                .disposition(dispositionId.caption())
                .evidences(hasEvidence || http != null ? List.of(evidence) : null)
                .observables(observables.isEmpty() ? null : observables)
                .metadata(metadata)
                .rawData(OcsfParts.rawData(input.alert().object()));
        if (risk.isPresent()) {
            var level = OcsfParts.riskLevel(risk.getAsInt());
            b.riskScore(risk.getAsInt()).riskLevelId(level).riskLevel(level.caption())
                    .riskDetails(OcsfParts.riskDetails(enrichment));
        }
        var enrichments = OcsfParts.enrichments(enrichment, srcIp, dstIp, input.assetId());
        b.enrichments(enrichments.isEmpty() ? null : enrichments);
        b.unmapped(f.unmapped());
        return b.build();
    }

    /** Suricata priority (1 highest) → OCSF severity, as documented on the class. */
    static SeverityId severity(OptionalInt suricata) {
        if (suricata.isEmpty()) {
            return SeverityId.UNKNOWN;
        }
        int s = suricata.getAsInt();
        if (s <= 0) {
            return SeverityId.UNKNOWN;
        }
        return switch (s) {
            case 1 -> SeverityId.HIGH;
            case 2 -> SeverityId.MEDIUM;
            case 3 -> SeverityId.LOW;
            default -> SeverityId.INFORMATIONAL;
        };
    }

    private static SecurityControlActionId actionId(String action) {
        if (action == null) {
            return SecurityControlActionId.UNKNOWN;
        }
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "allowed" -> SecurityControlActionId.ALLOWED;
            case "blocked", "drop", "dropped", "reject", "rejected" -> SecurityControlActionId.DENIED;
            default -> SecurityControlActionId.OTHER;
        };
    }

    private static DispositionId dispositionId(String action) {
        if (action == null) {
            return DispositionId.UNKNOWN;
        }
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "allowed" -> DispositionId.ALLOWED;
            case "blocked", "drop", "dropped" -> DispositionId.BLOCKED;
            case "reject", "rejected" -> DispositionId.REJECTED;
            default -> DispositionId.OTHER;
        };
    }

    /** ATT&CK from ET metadata's parallel arrays; consumed only when at least one entry maps. */
    static List<Attack> attacks(SourceFields f) {
        List<String> techniqueIds = strings(f.peek("alert.metadata.mitre_technique_id"));
        List<String> techniqueNames = strings(f.peek("alert.metadata.mitre_technique_name"));
        List<String> tacticIds = strings(f.peek("alert.metadata.mitre_tactic_id"));
        List<String> tacticNames = strings(f.peek("alert.metadata.mitre_tactic_name"));
        int n = Math.max(Math.max(techniqueIds.size(), techniqueNames.size()), Math.max(tacticIds.size(), tacticNames.size()));
        List<Attack> attacks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String techId = at(techniqueIds, i);
            String techName = readable(at(techniqueNames, i));
            // One tactic usually frames every technique of a rule: reuse the last when fewer are given.
            String tacId = at(tacticIds, Math.min(i, tacticIds.size() - 1));
            String tacName = readable(at(tacticNames, Math.min(i, tacticNames.size() - 1)));
            Tactic tactic = tacId == null && tacName == null ? null : Tactic.builder().uid(tacId).name(tacName).build();
            Technique technique = null;
            SubTechnique sub = null;
            if (techId != null && techId.contains(".")) {
                sub = SubTechnique.builder().uid(techId).name(techName).build();
                technique = Technique.builder().uid(techId.substring(0, techId.indexOf('.'))).build();
            } else if (techId != null || techName != null) {
                technique = Technique.builder().uid(techId).name(techName).build();
            }
            if (tactic != null || technique != null) {
                attacks.add(Attack.builder().tactic(tactic).technique(technique).subTechnique(sub).build());
            }
        }
        if (!attacks.isEmpty()) {
            for (String k : List.of("mitre_technique_id", "mitre_technique_name", "mitre_tactic_id", "mitre_tactic_name")) {
                f.consume("alert.metadata." + k);
            }
        }
        return attacks;
    }

    /** ET metadata {@code confidence} (Low/Medium/High) → confidence_id; null when absent. */
    private static ConfidenceId confidence(SourceFields f) {
        List<String> values = strings(f.peek("alert.metadata.confidence"));
        if (values.isEmpty()) {
            return null;
        }
        ConfidenceId id = switch (values.get(0).toLowerCase(Locale.ROOT)) {
            case "low" -> ConfidenceId.LOW;
            case "medium" -> ConfidenceId.MEDIUM;
            case "high" -> ConfidenceId.HIGH;
            default -> null;
        };
        if (id != null) {
            f.consume("alert.metadata.confidence");
        }
        return id;
    }

    /** The HTTP request of an alert's {@code http} object; null when it has no URL or method. */
    private static HttpRequest httpRequest(SourceFields f) {
        Optional<String> rawUrl = f.peek("http.url").filter(JsonNode::isTextual).map(JsonNode::asText);
        // OCSF 1.8.0 enumerates http_method; WebDAV and other verbs (PROPFIND, ...) stay in unmapped.
        Optional<String> method = f.peek("http.http_method").filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(m -> OCSF_HTTP_METHODS.contains(m));
        if (rawUrl.isEmpty() && method.isEmpty()) {
            return null;
        }
        Url url = null;
        if (rawUrl.isPresent()) {
            f.consume("http.url");
            String u = rawUrl.get();
            int q = u.indexOf('?');
            url = Url.builder()
                    .path(q >= 0 ? u.substring(0, q) : u)
                    .queryString(q >= 0 ? u.substring(q + 1) : null)
                    .hostname(f.takeText("http.hostname").orElse(null))
                    .port(f.takeInt("http.http_port").orElse(null))
                    .build();
        }
        method.ifPresent(m -> f.consume("http.http_method"));
        return HttpRequest.builder()
                .url(url)
                .httpMethod(method.orElse(null))
                .userAgent(f.takeText("http.http_user_agent").orElse(null))
                .version(f.takeText("http.protocol").orElse(null))
                .build();
    }

    private static List<String> strings(Optional<JsonNode> node) {
        List<String> out = new ArrayList<>();
        node.ifPresent(n -> {
            if (n.isArray()) {
                n.forEach(v -> {
                    if (v.isValueNode() && !v.asText().isBlank()) {
                        out.add(v.asText());
                    }
                });
            } else if (n.isValueNode() && !n.asText().isBlank()) {
                out.add(n.asText());
            }
        });
        return out;
    }

    private static String at(List<String> list, int i) {
        return i >= 0 && i < list.size() ? list.get(i) : null;
    }

    /** ET writes names with underscores ({@code Initial_Access}); ATT&CK writes them with spaces. */
    private static String readable(String name) {
        return name == null ? null : name.replace('_', ' ');
    }
}
