package io.protect.normalize.mapping.zeek;

import io.protect.model.sources.ZeekLogType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Entry point for Zeek (source format {@code zeek}): picks the mapper of a record's log type.
 *
 * <table>
 *   <caption>Zeek log → OCSF 1.8.0 class</caption>
 *   <tr><th>log</th><th>class</th></tr>
 *   <tr><td>conn</td><td>Network Activity 4001</td></tr>
 *   <tr><td>dns</td><td>DNS Activity 4003</td></tr>
 *   <tr><td>http</td><td>HTTP Activity 4002</td></tr>
 *   <tr><td>ssl</td><td>Network Activity 4001 with {@code tls}</td></tr>
 *   <tr><td>notice</td><td>Detection Finding 2004</td></tr>
 *   <tr><td>files</td><td>Network File Activity 4010</td></tr>
 *   <tr><td>kerberos</td><td>Authentication 3002 (Kerberos)</td></tr>
 *   <tr><td>smtp</td><td>Email Activity 4009 (Network Activity 4001 when it names no address)</td></tr>
 *   <tr><td>ssh</td><td>SSH Activity 4007</td></tr>
 *   <tr><td>weird</td><td>Network Activity 4001, activity Other</td></tr>
 *   <tr><td>x509</td><td>Base Event 0 (no endpoint to anchor a certificate)</td></tr>
 *   <tr><td>smb_files</td><td>SMB Activity 4006</td></tr>
 *   <tr><td>anything else</td><td>Network Activity 4001 with a tuple, else Base Event 0</td></tr>
 * </table>
 *
 * <p>The log type is {@code _path} or {@code @stream} when the record has one, otherwise told from
 * its fields (Zeek's JSON writer does not name the log); TSV logs are parsed by ingest's
 * {@code ZeekTsvParser} into the same JSON shape. Time: Zeek's {@code ts} (epoch seconds, UTC, with
 * a fraction) → {@code time} in ms, the text in {@code metadata.original_time}. Metadata: product
 * Zeek by the Zeek Project (records carry no version), {@code log_name} {@code <type>.log},
 * {@code event_code} the log type. Severity Informational for telemetry unless the mapper says
 * otherwise (notice, weird).
 */
public final class ZeekMappers {

    private static final Map<String, Supplier<ZeekMapper>> BY_LOG = Map.ofEntries(
            Map.entry("conn", ZeekConnMapper::new),
            Map.entry("dns", ZeekDnsMapper::new),
            Map.entry("http", ZeekHttpMapper::new),
            Map.entry("ssl", ZeekSslMapper::new),
            Map.entry("notice", ZeekNoticeMapper::new),
            Map.entry("files", ZeekFilesMapper::new),
            Map.entry("kerberos", ZeekKerberosMapper::new),
            Map.entry("smtp", ZeekSmtpMapper::new),
            Map.entry("ssh", ZeekSshMapper::new),
            Map.entry("weird", ZeekWeirdMapper::new),
            Map.entry("x509", ZeekX509Mapper::new),
            Map.entry("smb_files", ZeekSmbFilesMapper::new));

    private ZeekMappers() {
    }

    /** The mapper for a Zeek record (the fallback mapper when its log type has none). */
    public static ZeekMapper forEvent(JsonNode alert) {
        String type = logType(alert);
        Supplier<ZeekMapper> s = type == null ? null : BY_LOG.get(type);
        if (s != null && !(type.equals("smtp") && !ZeekSmtpMapper.hasAddress(alert))) {
            return s.get();
        }
        ZeekFields f = new ZeekFields(alert);
        return ZeekFallbackMapper.of(type, f.has("id.orig_h") || f.has("id.resp_h"));
    }

    /** The log type of a Zeek record, or null when its fields name none. */
    public static String logType(JsonNode alert) {
        return ZeekLogType.of(alert);
    }
}
