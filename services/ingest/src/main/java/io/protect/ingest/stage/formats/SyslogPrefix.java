package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the syslog header a sender may put before a {@code CEF:} or {@code LEEF:} payload into a
 * {@code syslog} object, so the header's fields are kept next to the parsed event. Shared by
 * {@link CefParser} and {@link LeefParser}; pure.
 *
 * <p>Recognised forms (the {@code <PRI>} is optional in every form but RFC 5424):
 * <ul>
 *   <li>RFC 5424: {@code <PRI>VERSION TIMESTAMP HOST APP-NAME PROCID MSGID STRUCTURED-DATA} →
 *       {@code pri, version, timestamp, host, appName, procId, msgId, structuredData} ({@code -}
 *       nil values are left out);</li>
 *   <li>RFC 3164: {@code <PRI>MMM dd HH:mm:ss [HOST] [TAG[PID]:]} → {@code pri, timestamp, host,
 *       tag, pid};</li>
 *   <li>an ISO-8601 time stamp, optionally followed by a host (what syslog-ng and rsyslog write
 *       with ISO dates) → {@code pri, timestamp, host};</li>
 *   <li>a bare {@code <PRI>} → {@code pri}.</li>
 * </ul>
 * Anything else before the payload is not a syslog header and is rejected, naming the text.
 */
final class SyslogPrefix {

    private static final Pattern PRI = Pattern.compile("^<(\\d{1,3})>");
    private static final Pattern RFC5424 = Pattern.compile(
            "^(\\d{1,2}) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (-|(?:\\[.*\\]))$");
    private static final Pattern RFC3164 = Pattern.compile(
            "^([A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2})(?: (\\S+))?(?: ([^\\s\\[\\]:]+)(?:\\[(\\d+)\\])?:)?$");
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)(?: (\\S+))?$");

    private SyslogPrefix() {
    }

    /**
     * The syslog object of the text before a payload, or null when that text is blank.
     *
     * @param prefix the text before {@code CEF:}/{@code LEEF:}
     * @param format the payload's format name, for error messages
     * @throws IllegalArgumentException when the text is not a syslog header
     */
    static ObjectNode parse(String prefix, String format) {
        String text = prefix.strip();
        if (text.isEmpty()) {
            return null;
        }
        ObjectNode syslog = JsonNodeFactory.instance.objectNode();
        Matcher pri = PRI.matcher(text);
        if (pri.find()) {
            int value = Integer.parseInt(pri.group(1));
            if (value > 191) {
                throw new IllegalArgumentException("syslog PRI <" + value + "> is out of range 0-191 before " + format);
            }
            syslog.put("pri", value);
            text = text.substring(pri.end()).strip();
            if (text.isEmpty()) {
                return syslog;
            }
        }
        Matcher m = RFC5424.matcher(text);
        if (syslog.has("pri") && m.matches()) {
            syslog.put("version", Integer.parseInt(m.group(1)));
            putUnlessNil(syslog, "timestamp", m.group(2));
            putUnlessNil(syslog, "host", m.group(3));
            putUnlessNil(syslog, "appName", m.group(4));
            putUnlessNil(syslog, "procId", m.group(5));
            putUnlessNil(syslog, "msgId", m.group(6));
            putUnlessNil(syslog, "structuredData", m.group(7));
            return syslog;
        }
        m = RFC3164.matcher(text);
        if (m.matches()) {
            syslog.put("timestamp", m.group(1));
            putIfPresent(syslog, "host", m.group(2));
            putIfPresent(syslog, "tag", m.group(3));
            putIfPresent(syslog, "pid", m.group(4));
            return syslog;
        }
        m = ISO.matcher(text);
        if (m.matches()) {
            syslog.put("timestamp", m.group(1));
            putIfPresent(syslog, "host", m.group(2));
            return syslog;
        }
        throw new IllegalArgumentException("text before " + format + " is not a syslog header (RFC 3164, RFC 5424 or"
                + " ISO time stamp): '" + abbreviate(prefix.strip()) + "'");
    }

    private static void putUnlessNil(ObjectNode node, String field, String value) {
        if (!"-".equals(value)) {
            node.put(field, value);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
