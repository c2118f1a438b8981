package io.protect.normalize.mapping.leef;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.normalize.mapping.AlertMapper;
import io.protect.normalize.mapping.cef.SyslogEventMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point for LEEF (source format {@code leef}): the mapper for a parsed LEEF 1.0/2.0 event,
 * chosen by its content like CEF's (rules and field table in {@link SyslogEventMapper}).
 *
 * <p>LEEF's predefined attributes come first ({@code src}, {@code dst}, {@code srcPort},
 * {@code dstPort}, {@code proto}, {@code usrName}, {@code srcMAC}, {@code dstMAC},
 * {@code srcBytes}, {@code dstBytes}, {@code devTime} with {@code devTimeFormat}, {@code cat},
 * {@code sev}, {@code url}, {@code identHostName}, {@code accountName}); after them the CEF names
 * LEEF senders reuse ({@code suser}, {@code duser}, {@code shost}, {@code dhost}, {@code act},
 * {@code request}, {@code fname}, {@code filePath}, {@code dvc}, {@code dvchost},
 * {@code externalId}, {@code reason}) and a few common vendor spellings ({@code disp} and
 * {@code action} for the action, {@code src_user}, {@code sent_bytes}/{@code rcvd_bytes}).
 * Severity is {@code sev} on LEEF's 1–10 scale: 1–3 Low, 4–6 Medium, 7–8 High, 9–10 Critical; a
 * value that is not a number in that range leaves severity Unknown and stays in unmapped. The
 * title is {@code name}, else {@code EventMessage}, {@code Action}, {@code desc}, else
 * "&lt;product&gt; event &lt;EventID&gt;".
 */
public final class LeefMappers {

    /** How LEEF names each concept. */
    public static final SyslogEventMapper.Dialect DIALECT = new SyslogEventMapper.Dialect("LEEF", "eventId",
            "extension.sev", ext("name", "EventMessage", "Action", "desc"), keys(), "extension.devTimeFormat");

    private static final Map<SyslogEventMapper.Kind, AlertMapper> MAPPERS = Map.of(
            SyslogEventMapper.Kind.AUTHENTICATION, new SyslogEventMapper(DIALECT, SyslogEventMapper.Kind.AUTHENTICATION),
            SyslogEventMapper.Kind.NETWORK_ACTIVITY, new SyslogEventMapper(DIALECT, SyslogEventMapper.Kind.NETWORK_ACTIVITY),
            SyslogEventMapper.Kind.DETECTION_FINDING, new SyslogEventMapper(DIALECT, SyslogEventMapper.Kind.DETECTION_FINDING));

    private LeefMappers() {
    }

    /** The mapper for a parsed LEEF event; Detection Finding when nothing more specific fits. */
    public static AlertMapper forEvent(JsonNode alert) {
        return MAPPERS.get(SyslogEventMapper.kind(alert, DIALECT));
    }

    private static Map<String, List<String>> keys() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("src", ext("src", "srcPreNAT"));
        k.put("dst", ext("dst", "dstPreNAT"));
        k.put("spt", ext("srcPort", "spt", "srcPreNATPort"));
        k.put("dpt", ext("dstPort", "dpt", "dstPreNATPort"));
        k.put("proto", ext("proto"));
        k.put("suser", ext("usrName", "suser", "accountName", "src_user", "SourceUser"));
        k.put("duser", ext("duser", "TargetUser"));
        k.put("shost", ext("identHostName", "shost", "srcHostName"));
        k.put("dhost", ext("dhost", "dstname", "dstHostName"));
        k.put("smac", ext("srcMAC", "smac", "identMAC"));
        k.put("dmac", ext("dstMAC", "dmac"));
        k.put("request", ext("url", "request"));
        k.put("requestMethod", ext("method", "requestMethod"));
        k.put("userAgent", ext("userAgent", "requestClientApplication"));
        k.put("app", ext("app", "application"));
        k.put("act", ext("action", "act", "disp"));
        k.put("outcome", ext("outcome", "result"));
        k.put("msg", ext("msg", "desc", "description", "EventMessage"));
        k.put("rt", ext("devTime", "rt"));
        k.put("start", ext("start", "startTime"));
        k.put("end", ext("end", "endTime"));
        k.put("cat", ext("cat", "sub-cat"));
        k.put("fname", ext("fname", "fileName", "File"));
        k.put("filePath", ext("filePath"));
        k.put("fileHash", ext("fileHash"));
        k.put("fsize", ext("fsize", "fileSize"));
        k.put("dvc", ext("dvc", "identSrc"));
        k.put("dvchost", ext("dvchost"));
        k.put("deviceExternalId", ext("deviceExternalId", "serial"));
        k.put("externalId", ext("externalId"));
        k.put("deviceDirection", ext("deviceDirection"));
        k.put("in", ext("dstBytes", "rcvd_bytes", "in"));
        k.put("out", ext("srcBytes", "sent_bytes", "out"));
        k.put("cnt", ext("cnt"));
        k.put("reason", ext("reason", "Reason"));
        k.put("dtz", ext("dtz"));
        return Map.copyOf(k);
    }

    private static List<String> ext(String... keys) {
        return Arrays.stream(keys).map(c -> "extension." + c).toList();
    }
}
