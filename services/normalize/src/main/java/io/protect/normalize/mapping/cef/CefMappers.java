package io.protect.normalize.mapping.cef;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.normalize.mapping.AlertMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point for CEF (source format {@code cef}): the mapper for a parsed CEF event, chosen by its
 * content (Authentication, Network Activity or Detection Finding; rules and the field table in
 * {@link SyslogEventMapper}). Keys are the CEF short names ({@code src}, {@code spt}, ...) with
 * their full ArcSight names ({@code sourceAddress}, {@code sourcePort}, ...) as alternatives.
 */
public final class CefMappers {

    /** How CEF names each concept. */
    public static final SyslogEventMapper.Dialect DIALECT = new SyslogEventMapper.Dialect("CEF", "signatureId",
            "severity", List.of("name", "signatureId"), keys(), null);

    private static final Map<SyslogEventMapper.Kind, AlertMapper> MAPPERS = Map.of(
            SyslogEventMapper.Kind.AUTHENTICATION, new SyslogEventMapper(DIALECT, SyslogEventMapper.Kind.AUTHENTICATION),
            SyslogEventMapper.Kind.NETWORK_ACTIVITY, new SyslogEventMapper(DIALECT, SyslogEventMapper.Kind.NETWORK_ACTIVITY),
            SyslogEventMapper.Kind.DETECTION_FINDING, new SyslogEventMapper(DIALECT, SyslogEventMapper.Kind.DETECTION_FINDING));

    private CefMappers() {
    }

    /** The mapper for a parsed CEF event; Detection Finding when nothing more specific fits. */
    public static AlertMapper forEvent(JsonNode alert) {
        return MAPPERS.get(SyslogEventMapper.kind(alert, DIALECT));
    }

    private static Map<String, List<String>> keys() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        put(k, "src", "src", "sourceAddress");
        put(k, "dst", "dst", "destinationAddress");
        put(k, "spt", "spt", "sourcePort");
        put(k, "dpt", "dpt", "destinationPort");
        put(k, "proto", "proto", "transportProtocol");
        put(k, "suser", "suser", "sourceUserName");
        put(k, "duser", "duser", "destinationUserName");
        put(k, "shost", "shost", "sourceHostName");
        put(k, "dhost", "dhost", "destinationHostName");
        put(k, "smac", "smac", "sourceMacAddress");
        put(k, "dmac", "dmac", "destinationMacAddress");
        put(k, "request", "request", "requestUrl");
        put(k, "requestMethod", "requestMethod", "method");
        put(k, "userAgent", "requestClientApplication");
        put(k, "app", "app", "applicationProtocol");
        put(k, "act", "act", "deviceAction");
        put(k, "outcome", "outcome", "eventOutcome");
        put(k, "msg", "msg", "message");
        put(k, "rt", "rt", "receiptTime", "deviceReceiptTime");
        put(k, "start", "start", "startTime");
        put(k, "end", "end", "endTime");
        put(k, "cat", "cat", "deviceEventCategory");
        put(k, "fname", "fname", "fileName");
        put(k, "filePath", "filePath");
        put(k, "fileHash", "fileHash");
        put(k, "fsize", "fsize", "fileSize");
        put(k, "dvc", "dvc", "deviceAddress");
        put(k, "dvchost", "dvchost", "deviceHostName");
        put(k, "deviceExternalId", "deviceExternalId");
        put(k, "externalId", "externalId");
        put(k, "deviceDirection", "deviceDirection");
        put(k, "in", "in", "bytesIn");
        put(k, "out", "out", "bytesOut");
        put(k, "cnt", "cnt", "baseEventCount");
        put(k, "reason", "reason");
        put(k, "dtz", "dtz", "deviceTimeZone");
        return Map.copyOf(k);
    }

    private static void put(Map<String, List<String>> k, String concept, String... cefKeys) {
        k.put(concept, java.util.Arrays.stream(cefKeys).map(c -> "extension." + c).toList());
    }
}
