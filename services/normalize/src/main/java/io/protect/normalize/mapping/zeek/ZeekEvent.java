package io.protect.normalize.mapping.zeek;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.json.Json;
import io.protect.model.events.AlertEnriched;
import io.protect.normalize.mapping.EnrichmentView;
import io.protect.normalize.mapping.EventTimes;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.Networks;
import io.protect.normalize.mapping.OcsfParts;
import io.protect.ocsf.model.enums.DirectionId;
import io.protect.ocsf.model.enums.ObservableTypeId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.enums.StatusId;
import io.protect.ocsf.model.objects.Observable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Zeek record being mapped: the source fields still unmapped, the OCSF event as JSON under
 * construction, and the parts every Zeek log shares (time from {@code ts}, the connection tuple,
 * connection info, metadata, observables, enrichment, {@code raw_data}, {@code unmapped}). The
 * finished JSON is bound to the generated OCSF record with unknown attributes rejected, so a
 * misspelt attribute fails loudly instead of vanishing.
 */
final class ZeekEvent {

    static final String PRODUCT = "Zeek";
    static final String VENDOR = "Zeek Project";

    /** Binds OCSF JSON to generated records; unknown attributes are an error, not a silent drop. */
    private static final ObjectMapper STRICT = Json.MAPPER.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    final ZeekFields f;
    final ObjectNode ev = Json.MAPPER.createObjectNode();
    final EnrichmentView enrichment;
    final String logType;
    final long time;
    private final AlertEnriched input;
    private final MappingContext context;
    private final List<Observable> observables = new ArrayList<>();
    private final List<String> profiles = new ArrayList<>();
    private String srcIp;
    private String dstIp;
    private String originalTime;

    ZeekEvent(AlertEnriched input, MappingContext context, String logType) {
        this.input = input;
        this.context = context;
        this.f = new ZeekFields(input.alert().object());
        this.enrichment = new EnrichmentView(input.enrichment());
        this.logType = logType;
        // The log name the record carries is what told its type: it is mapped to metadata.log_name.
        for (String named : new String[] {"_path", "@stream"}) {
            if (logType != null && f.peekText(named).map(logType::equalsIgnoreCase).orElse(false)) {
                f.consume(named);
            }
        }
        Optional<BigDecimal> ts = f.peekDecimal("ts");
        Optional<EventTimes.Parsed> parsed = ts.flatMap(EventTimes::fromEpoch);
        if (parsed.isPresent()) {
            originalTime = ts.get().toPlainString(); // as Zeek writes it, never 1.6E9
            f.consume("ts");
        }
        this.time = parsed.map(EventTimes.Parsed::epochMillis).orElse(context.receivedAt().toEpochMilli());
        ev.put("time", time);
        if (parsed.isPresent()) {
            ev.put("timezone_offset", 0); // Zeek writes UTC epoch seconds
        }
    }

    // ------------------------------------------------------------- building

    /** The object at a dotted OCSF path, created on the way. */
    ObjectNode obj(String dotted) {
        ObjectNode n = ev;
        for (String k : dotted.split("\\.")) {
            JsonNode c = n.get(k);
            if (!(c instanceof ObjectNode)) {
                c = n.putObject(k);
            }
            n = (ObjectNode) c;
        }
        return n;
    }

    /** Sets a value at a dotted OCSF path. */
    void put(String dotted, Object value) {
        if (value == null) {
            return;
        }
        int dot = dotted.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? ev : obj(dotted.substring(0, dot));
        parent.set(dotted.substring(dot + 1), Json.MAPPER.valueToTree(value));
    }

    /** Copies a source text field to an OCSF path, consuming it. */
    void text(String source, String target) {
        f.takeText(source).ifPresent(v -> put(target, v));
    }

    /** Copies a source integral field to an OCSF path, consuming it. */
    void integer(String source, String target) {
        f.takeLong(source).ifPresent(v -> put(target, v));
    }

    void activity(int id, String caption) {
        ev.put("activity_id", id);
        ev.put("activity_name", caption);
    }

    void severity(SeverityId s) {
        ev.put("severity_id", s.value());
        ev.put("severity", s.caption());
    }

    void status(StatusId s) {
        ev.put("status_id", s.value());
        ev.put("status", s.caption());
    }

    void profile(String name) {
        profiles.add(name);
    }

    void message(String m) {
        put("message", m);
    }

    /** Seconds (Zeek interval) to whole milliseconds. */
    static long millis(BigDecimal seconds) {
        return seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValue();
    }

    // ------------------------------------------------------------- endpoints and connection

    /** The connection tuple as {@code src_endpoint}/{@code dst_endpoint} (originator → responder), with observables. */
    void endpoints() {
        endpointsInto(ev, "");
    }

    /** The connection tuple into an object (the event, or a finding's evidence). */
    void endpointsInto(ObjectNode target, String pathPrefix) {
        String oh = f.takeText("id.orig_h").orElse(null);
        Integer op = f.takeInt("id.orig_p").orElse(null);
        String rh = f.takeText("id.resp_h").orElse(null);
        Integer rp = f.takeInt("id.resp_p").orElse(null);
        setEndpoints(target, pathPrefix, oh, op, rh, rp);
    }

    /** Endpoints from known values. */
    void setEndpoints(ObjectNode target, String pathPrefix, String oh, Integer op, String rh, Integer rp) {
        if (oh != null || op != null) {
            target.set("src_endpoint", OcsfParts.endpoint(oh, op, enrichment.geoFor(oh, true)).toJson());
        }
        if (rh != null || rp != null) {
            target.set("dst_endpoint", OcsfParts.endpoint(rh, rp, enrichment.geoFor(rh, false)).toJson());
        }
        if (oh != null) {
            srcIp = oh;
            observable(pathPrefix + "src_endpoint.ip", ObservableTypeId.IP_ADDRESS, oh);
        }
        if (rh != null) {
            dstIp = rh;
            observable(pathPrefix + "dst_endpoint.ip", ObservableTypeId.IP_ADDRESS, rh);
        }
    }

    /** The Protect event id (metadata.uid). */
    String eventId() {
        return context.eventId().toString();
    }

    String srcIp() {
        return srcIp;
    }

    String dstIp() {
        return dstIp;
    }

    /**
     * {@code connection_info}: protocol ({@code proto}), Zeek's connection {@code uid},
     * {@code community_id}, and the direction — from Zeek's own {@code local_orig}/{@code local_resp}
     * when both are present, otherwise from the addresses (RFC 1918 ranges).
     */
    ObjectNode connectionInfo(ObjectNode target) {
        String proto = f.takeText("proto").orElse(null);
        ObjectNode ci = OcsfParts.connectionInfo(proto, srcIp, dstIp, null).toJson();
        f.takeText("uid").ifPresent(u -> ci.put("uid", u));
        f.takeText("community_id").ifPresent(c -> ci.put("community_uid", c));
        Optional<JsonNode> lo = f.peek("local_orig").filter(JsonNode::isBoolean);
        Optional<JsonNode> lr = f.peek("local_resp").filter(JsonNode::isBoolean);
        if (lo.isPresent() && lr.isPresent()) {
            DirectionId d = direction(lo.get().booleanValue(), lr.get().booleanValue());
            ci.put("direction_id", d.value());
            ci.put("direction", d.caption());
            f.consume("local_orig");
            f.consume("local_resp");
        }
        target.set("connection_info", ci);
        return ci;
    }

    /** Direction from Zeek's local flags (Site::local_nets). */
    static DirectionId direction(boolean localOrig, boolean localResp) {
        if (localOrig && localResp) {
            return DirectionId.LATERAL;
        }
        if (localOrig) {
            return DirectionId.OUTBOUND;
        }
        if (localResp) {
            return DirectionId.INBOUND;
        }
        return DirectionId.UNKNOWN;
    }

    /** Direction from the addresses alone. */
    DirectionId addressDirection() {
        return Networks.direction(srcIp, dstIp);
    }

    // ------------------------------------------------------------- observables

    void observable(String name, ObservableTypeId type, String value) {
        if (value != null && !value.isBlank()) {
            observables.add(OcsfParts.observable(name, type, value, enrichment));
        }
    }

    // ------------------------------------------------------------- finishing

    /** The finished OCSF record of a class. */
    <T extends Record> T finish(Class<T> type, int classUid, int categoryUid, String className, String categoryName) {
        ev.put("class_uid", classUid);
        ev.put("class_name", className);
        ev.put("category_uid", categoryUid);
        ev.put("category_name", categoryName);
        int activity = ev.path("activity_id").asInt(0);
        if (!ev.has("activity_id")) {
            activity(0, "Unknown");
        }
        ev.put("type_uid", classUid * 100L + activity);
        ev.put("type_name", className + ": " + ev.path("activity_name").asText("Unknown"));
        if (!ev.has("severity_id")) {
            severity(SeverityId.INFORMATIONAL);
        }
        ObjectNode md = obj("metadata");
        md.set("product", Json.MAPPER.createObjectNode().put("name", PRODUCT).put("vendor_name", VENDOR));
        md.put("version", OcsfParts.OCSF_VERSION);
        if (logType != null) {
            md.put("log_name", logType + ".log");
            md.put("event_code", logType);
        }
        if (originalTime != null) {
            md.put("original_time", originalTime);
        }
        md.put("uid", context.eventId().toString());
        if (context.correlationId() != null) {
            md.put("correlation_uid", context.correlationId());
        }
        if (context.tenantId() != null) {
            md.put("tenant_uid", context.tenantId());
        }
        if (!profiles.isEmpty()) {
            ArrayNode p = md.putArray("profiles");
            profiles.forEach(p::add);
        }
        observables.addAll(OcsfParts.intelObservables(enrichment, observables));
        if (!observables.isEmpty()) {
            ev.set("observables", Json.MAPPER.valueToTree(observables));
        }
        var enrichments = OcsfParts.enrichments(enrichment, srcIp, dstIp, input.assetId());
        if (!enrichments.isEmpty()) {
            ev.set("enrichments", Json.MAPPER.valueToTree(enrichments));
        }
        OptionalInt risk = enrichment.riskScore();
        if (risk.isPresent()) {
            var level = OcsfParts.riskLevel(risk.getAsInt());
            ev.put("risk_score", risk.getAsInt());
            ev.put("risk_level_id", level.value());
            ev.put("risk_level", level.caption());
            put("risk_details", OcsfParts.riskDetails(enrichment));
        }
        ev.put("raw_data", OcsfParts.rawData(input.alert().object()));
        JsonNode unmapped = f.unmapped();
        if (unmapped != null) {
            ev.set("unmapped", unmapped);
        }
        try {
            return STRICT.treeToValue(ev, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Zeek " + logType + " mapping built a " + type.getSimpleName()
                    + " the model rejects: " + e.getOriginalMessage(), e);
        }
    }
}
