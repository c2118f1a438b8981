package io.protect.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.events.AlertEnriched;
import io.protect.ocsf.model.enums.ActivityId;
import io.protect.ocsf.model.enums.AnalyticTypeId;
import io.protect.ocsf.model.enums.DetectionFindingActivityId;
import io.protect.ocsf.model.enums.DetectionFindingStatusId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.events.BaseEvent;
import io.protect.ocsf.model.events.DetectionFinding;
import io.protect.ocsf.model.objects.Analytic;
import io.protect.ocsf.model.objects.Evidences;
import io.protect.ocsf.model.objects.FindingInfo;
import io.protect.ocsf.model.objects.Metadata;
import io.protect.ocsf.model.objects.NetworkEndpoint;
import io.protect.ocsf.model.objects.Observable;
import io.protect.ocsf.model.objects.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Best-effort mapping of an alert from a source without its own mapper. It looks for the fields
 * most sensors spell one of a few ways (lists below, first match wins; dotted names match nested
 * objects and literal dotted keys such as Zeek's {@code id.orig_h}) and keeps everything else in
 * {@code unmapped}; {@code raw_data} always holds the whole alert.
 *
 * <ul>
 *   <li>If the alert names a detection (a title-like field), it becomes a Detection Finding
 *       (2004, Create, status New); otherwise, since nothing says what was found, a Base Event
 *       (class 0, activity Other, type 99) carrying the same metadata, time, severity,
 *       observables, enrichments and unmapped fields.</li>
 *   <li>Time: ISO-8601 text with an offset ({@code +00:00}, {@code +0000} or {@code Z}) or an epoch
 *       number (seconds, fractional allowed, or milliseconds when above 1e11); without one, the
 *       time Protect received the alert.</li>
 *   <li>Severity: text by name (critical/high/medium/low/informational and the syslog level
 *       names); a number is read on the 0–10 scale most formats (CEF) use: 0–3 Low, 4–6 Medium,
 *       7–8 High, 9–10 Critical; anything else Unknown (and the field stays in unmapped).</li>
 *   <li>IPs and ports go to {@code evidences[0]} endpoints as given: the mapper does not judge
 *       them, the OCSF validator does, so a sensor writing {@code 203.0.113.7:51515} in an IP field
 *       is rejected to the dead letter topic rather than guessed at.</li>
 * </ul>
 */
public final class GenericAlertMapper implements AlertMapper {

    static final List<String> TIME = List.of("timestamp", "@timestamp", "time", "event_time", "eventTime", "ts", "date",
            "created_at", "createdAt");
    static final List<String> SRC_IP = List.of("src_ip", "srcip", "source_ip", "sourceIp", "src", "source.ip",
            "id.orig_h", "client_ip", "clientIp", "src_addr");
    static final List<String> DST_IP = List.of("dest_ip", "dst_ip", "dstip", "destination_ip", "destinationIp", "dst",
            "destination.ip", "id.resp_h", "server_ip", "serverIp", "dst_addr");
    static final List<String> SRC_PORT = List.of("src_port", "srcport", "source_port", "sourcePort", "spt",
            "source.port", "id.orig_p");
    static final List<String> DST_PORT = List.of("dest_port", "dst_port", "dstport", "destination_port",
            "destinationPort", "dpt", "destination.port", "id.resp_p");
    static final List<String> PROTO = List.of("proto", "protocol", "transport", "network.transport");
    static final List<String> TITLE = List.of("signature", "title", "alert_name", "alertName", "rule_name", "ruleName",
            "rule.name", "name", "msg", "message", "note", "description");
    static final List<String> RULE_ID = List.of("signature_id", "rule_id", "ruleId", "rule.id", "sid");
    static final List<String> UID = List.of("id", "uid", "event_id", "eventId", "alert_id", "alertId");
    static final List<String> CATEGORY = List.of("category", "type", "class", "alert_type");
    static final List<String> SEVERITY = List.of("severity", "level", "priority", "risk");
    static final List<String> PRODUCT = List.of("product", "device_product", "sensor", "observer.product");
    static final List<String> VENDOR = List.of("vendor", "device_vendor", "observer.vendor");

    @Override
    public Record map(AlertEnriched input, MappingContext context) {
        SourceFields f = new SourceFields(input.alert().object());
        EnrichmentView enrichment = new EnrichmentView(input.enrichment());

        Optional<String> originalTime = Optional.empty();
        Optional<EventTimes.Parsed> parsed = Optional.empty();
        for (String field : TIME) {
            Optional<JsonNode> v = f.peek(field);
            if (v.isEmpty()) {
                continue;
            }
            Optional<EventTimes.Parsed> p = v.get().isNumber() ? EventTimes.fromEpoch(v.get().decimalValue())
                    : v.get().isTextual() ? EventTimes.parseIso(v.get().asText()).or(() -> epochText(v.get().asText()))
                    : Optional.empty();
            if (p.isPresent()) {
                parsed = p;
                originalTime = Optional.of(v.get().asText());
                f.consume(field);
                break;
            }
        }
        long time = parsed.map(EventTimes.Parsed::epochMillis).orElse(context.receivedAt().toEpochMilli());

        String srcIp = f.takeText(SRC_IP).orElse(null);
        String dstIp = f.takeText(DST_IP).orElse(null);
        Integer srcPort = f.takeInt(SRC_PORT).orElse(null);
        Integer dstPort = f.takeInt(DST_PORT).orElse(null);
        String proto = f.takeText(PROTO).orElse(null);
        Optional<String> title = f.takeText(TITLE);
        String ruleId = f.takeText(RULE_ID).orElse(null);
        String uid = f.takeText(UID).orElse(null);
        String category = f.takeText(CATEGORY).orElse(null);
        SeverityId severity = severity(f);
        String product = f.takeText(PRODUCT).orElse(input.sourceFormat().wireName());
        String vendor = f.takeText(VENDOR).orElse(null);

        NetworkEndpoint src = srcIp == null && srcPort == null ? null
                : OcsfParts.endpoint(srcIp, srcPort, enrichment.geoFor(srcIp, true));
        NetworkEndpoint dst = dstIp == null && dstPort == null ? null
                : OcsfParts.endpoint(dstIp, dstPort, enrichment.geoFor(dstIp, false));

        List<Observable> observables = new ArrayList<>();
        if (srcIp != null) {
            observables.add(OcsfParts.observable("evidences.src_endpoint.ip", ObservableTypeId.IP_ADDRESS, srcIp, enrichment));
        }
        if (dstIp != null) {
            observables.add(OcsfParts.observable("evidences.dst_endpoint.ip", ObservableTypeId.IP_ADDRESS, dstIp, enrichment));
        }
        observables.addAll(OcsfParts.intelObservables(enrichment, observables));

        Metadata metadata = Metadata.builder()
                .product(Product.builder().name(product).vendorName(vendor).build())
                .version(OcsfParts.OCSF_VERSION)
                .originalTime(originalTime.orElse(null))
                .uid(context.eventId().toString())
                .correlationUid(context.correlationId())
                .tenantUid(context.tenantId())
                .build();
        var enrichments = OcsfParts.enrichments(enrichment, srcIp, dstIp, input.assetId());
        OptionalInt risk = enrichment.riskScore();
        String raw = OcsfParts.rawData(input.alert().object());

        if (title.isEmpty()) {
            // Nothing names a detection: record what was seen as a Base Event instead of inventing a finding.
            BaseEvent.Builder b = BaseEvent.builder()
                    .activityId(ActivityId.OTHER)
                    .activityName("Unmapped alert")
                    .className("Base Event")
                    .categoryName("Uncategorized")
                    .time(time)
                    .timezoneOffset(parsed.map(EventTimes.Parsed::offsetMinutes).orElse(null))
                    .severityId(severity)
                    .severity(severity.caption())
                    .isAlert(true)
                    .message("Alert from " + input.sourceFormat().wireName() + " without a recognised detection name")
                    .observables(observables.isEmpty() ? null : observables)
                    .metadata(metadata)
                    .rawData(raw)
                    .enrichments(enrichments.isEmpty() ? null : enrichments)
                    .unmapped(f.unmapped());
            if (risk.isPresent()) {
                var level = OcsfParts.riskLevel(risk.getAsInt());
                b.riskScore(risk.getAsInt()).riskLevelId(level).riskLevel(level.caption())
                        .riskDetails(OcsfParts.riskDetails(enrichment));
            }
            return b.build();
        }

        Evidences evidence = src == null && dst == null ? null : Evidences.builder()
                .srcEndpoint(src)
                .dstEndpoint(dst)
                .connectionInfo(proto == null ? null : OcsfParts.connectionInfo(proto, srcIp, dstIp, null))
                .build();
        FindingInfo findingInfo = FindingInfo.builder()
                .uid(uid != null ? uid : context.eventId().toString())
                .title(title.get())
                .types(category == null ? null : List.of(category))
                .analytic(ruleId == null ? null : Analytic.builder()
                        .typeId(AnalyticTypeId.RULE).type(AnalyticTypeId.RULE.caption())
                        .uid(ruleId).name(title.get()).build())
                .createdTime(time)
                .build();
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
                .message(title.get())
                .findingInfo(findingInfo)
                .evidences(evidence == null ? null : List.of(evidence))
                .observables(observables.isEmpty() ? null : observables)
                .metadata(metadata)
                .rawData(raw)
                .enrichments(enrichments.isEmpty() ? null : enrichments)
                .unmapped(f.unmapped());
        if (risk.isPresent()) {
            var level = OcsfParts.riskLevel(risk.getAsInt());
            b.riskScore(risk.getAsInt()).riskLevelId(level).riskLevel(level.caption())
                    .riskDetails(OcsfParts.riskDetails(enrichment));
        }
        return b.build();
    }

    /** Severity by name, or by number on a 0–10 scale (bands on the class); consumed when understood. */
    static SeverityId severity(SourceFields f) {
        for (String field : SEVERITY) {
            Optional<JsonNode> v = f.peek(field);
            if (v.isEmpty() || !v.get().isValueNode()) {
                continue;
            }
            SeverityId id = v.get().isNumber() ? byNumber(v.get().asDouble()) : byText(v.get().asText());
            if (id != null) {
                f.consume(field);
                return id;
            }
        }
        return SeverityId.UNKNOWN;
    }

    private static SeverityId byText(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("\\d+(\\.\\d+)?")) {
            return byNumber(Double.parseDouble(t));
        }
        return switch (t) {
            case "critical", "crit", "very-high", "very high", "emergency", "alert" -> SeverityId.CRITICAL;
            case "high", "error", "err", "major", "severe" -> SeverityId.HIGH;
            case "medium", "moderate", "warning", "warn" -> SeverityId.MEDIUM;
            case "low", "minor", "notice" -> SeverityId.LOW;
            case "info", "informational", "information", "debug" -> SeverityId.INFORMATIONAL;
            default -> null;
        };
    }

    private static SeverityId byNumber(double n) {
        if (n < 0 || n > 10) {
            return null;
        }
        if (n >= 9) {
            return SeverityId.CRITICAL;
        }
        if (n >= 7) {
            return SeverityId.HIGH;
        }
        if (n >= 4) {
            return SeverityId.MEDIUM;
        }
        return SeverityId.LOW;
    }

    private static Optional<EventTimes.Parsed> epochText(String text) {
        String t = text.trim();
        return t.matches("\\d{9,13}(\\.\\d+)?") ? EventTimes.fromEpoch(new BigDecimal(t)) : Optional.empty();
    }
}
