package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one IBM LEEF line (Log Event Extended Format 1.0 and 2.0) into a JSON object, losing no
 * field. Pure: a string in, an {@link ObjectNode} out, or an {@link IllegalArgumentException}
 * that says what is wrong.
 *
 * <p>Output shape:
 * <pre>{@code
 * {
 *   "syslog":        {"pri": 13, "timestamp": "...", "host": "..."},  // only when a header precedes LEEF:
 *   "leefVersion":   "2.0",
 *   "deviceVendor":  "Trend Micro",
 *   "deviceProduct": "Deep Security Agent",
 *   "deviceVersion": "10.0",
 *   "eventId":       "4000030",
 *   "delimiter":     "^",            // LEEF 2.0 only, as written in the header (e.g. "x09", "0x5E", "^")
 *   "extension":     {"cat": "Anti-Malware", "sev": "6", "src": "10.0.0.1", ...}
 * }
 * }</pre>
 *
 * <p>Rules:
 * <ul>
 *   <li>LEEF 1.0: {@code LEEF:1.0|Vendor|Product|Version|EventID|} then attributes separated by
 *       tabs.</li>
 *   <li>LEEF 2.0: {@code LEEF:2.0|Vendor|Product|Version|EventID|Delimiter|} where the delimiter is
 *       one character or its code in hex ({@code x09}, {@code 0x5E}); an empty delimiter field
 *       means tab. Trend Micro Deep Security omits the delimiter field altogether (the text after
 *       the EventID is already an attribute): then the delimiter is tab and {@code delimiter} is
 *       left out of the output.</li>
 *   <li>Attributes are {@code key=value}, split on the first {@code =}; keys are trimmed and made
 *       of letters, digits, {@code _ . -}; values are kept exactly as written (LEEF defines no
 *       escapes), may be empty and may contain {@code =}. Empty attributes (two delimiters in a
 *       row, a trailing delimiter) are skipped; an attribute without {@code =} is an error.</li>
 *   <li>Tolerance, documented because real senders need it (Aruba ClearPass): when the delimiter
 *       is tab but the attributes contain no tab, they are split like CEF extensions, on the
 *       space before each {@code key=}.</li>
 *   <li>A key that occurs more than once keeps every value, in order, as a JSON array.</li>
 *   <li>Header fields: fewer than the version requires is an error naming the missing field; an
 *       unknown version or an invalid delimiter is an error.</li>
 * </ul>
 */
public final class LeefParser {

    /** Names of the header fields, in order, as they appear in the output. */
    public static final List<String> HEADER_FIELDS = List.of("leefVersion", "deviceVendor", "deviceProduct",
            "deviceVersion", "eventId", "delimiter");

    private static final Pattern START = Pattern.compile("LEEF:");
    private static final Pattern DELIMITER_FIELD = Pattern.compile("^((?:0?[xX][0-9A-Fa-f]{1,4})|[^|]?)\\|");
    private static final Pattern KEY_CHARS = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern SPACED_KEY = Pattern.compile("(?<![^\\s])([A-Za-z0-9_.\\-]+)=");

    private LeefParser() {
    }

    /** True when a line carries a LEEF payload. */
    public static boolean looksLikeLeef(String line) {
        return line != null && START.matcher(line).find();
    }

    /**
     * Parses one LEEF line.
     *
     * @throws IllegalArgumentException when the line is not valid LEEF, naming what is wrong
     */
    public static ObjectNode parse(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("LEEF line is empty");
        }
        String text = CefParser.stripLineEnd(line);
        Matcher start = START.matcher(text);
        if (!start.find()) {
            throw new IllegalArgumentException("not a LEEF line: no 'LEEF:' in '" + SyslogPrefix.abbreviate(text) + "'");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode syslog = SyslogPrefix.parse(text.substring(0, start.start()), "LEEF:");
        if (syslog != null) {
            out.set("syslog", syslog);
        }
        int pos = start.end();
        String[] header = new String[5];
        for (int h = 0; h < 5; h++) {
            int bar = text.indexOf('|', pos);
            if (bar < 0) {
                throw new IllegalArgumentException("LEEF header has " + h + " of 5 '|'-terminated fields: "
                        + HEADER_FIELDS.get(h) + " is missing or not ended by '|'");
            }
            header[h] = text.substring(pos, bar);
            pos = bar + 1;
        }
        String version = header[0].strip();
        if (!version.equals("1.0") && !version.equals("2.0")) {
            throw new IllegalArgumentException("LEEF version must be 1.0 or 2.0, got '" + header[0] + "'");
        }
        out.put("leefVersion", version);
        for (int h = 1; h < 5; h++) {
            out.put(HEADER_FIELDS.get(h), header[h]);
        }
        char delimiter = '\t';
        boolean explicitDelimiter = false;
        String rest = text.substring(pos);
        if (version.equals("2.0")) {
            Matcher d = DELIMITER_FIELD.matcher(rest);
            if (d.find()) {
                String spec = d.group(1);
                out.put("delimiter", spec);
                delimiter = delimiter(spec);
                explicitDelimiter = !spec.isEmpty();
                rest = rest.substring(d.end());
            } else if (rest.indexOf('|') >= 0 && rest.indexOf('|') < firstIndex(rest, '=')) {
                throw new IllegalArgumentException("LEEF 2.0 delimiter must be one character or hex like x09 or 0x5E,"
                        + " got '" + rest.substring(0, rest.indexOf('|')) + "'");
            }
        }
        out.set("extension", parseAttributes(rest, delimiter, explicitDelimiter));
        return out;
    }

    /** The delimiter of a LEEF 2.0 header field: one character, or hex with x/0x; empty means tab. */
    static char delimiter(String spec) {
        if (spec.isEmpty()) {
            return '\t';
        }
        if (spec.length() == 1) {
            return spec.charAt(0);
        }
        String hex = spec.startsWith("0") ? spec.substring(2) : spec.substring(1);
        int code = Integer.parseInt(hex, 16);
        if (code == 0 || code == '=') {
            throw new IllegalArgumentException("LEEF 2.0 delimiter " + spec + " cannot separate attributes");
        }
        return (char) code;
    }

    private static ObjectNode parseAttributes(String text, char delimiter, boolean explicitDelimiter) {
        ObjectNode ext = JsonNodeFactory.instance.objectNode();
        if (text.isBlank()) {
            return ext;
        }
        if (delimiter == '\t' && !explicitDelimiter && text.indexOf('\t') < 0 && spacedPairs(text) > 1) {
            // Space-separated attributes (Aruba ClearPass writes LEEF 1.0 so): split like CEF, without escapes.
            Matcher m = SPACED_KEY.matcher(text);
            m.find();
            if (!text.substring(0, m.start()).isBlank()) {
                throw new IllegalArgumentException("LEEF attributes have text before their first key: '"
                        + SyslogPrefix.abbreviate(text.substring(0, m.start()).strip()) + "'");
            }
            while (true) {
                String key = m.group(1);
                int valueStart = m.end();
                boolean more = m.find();
                String value = text.substring(valueStart, more ? m.start() : text.length()).stripTrailing();
                CefParser.add(ext, key, value);
                if (!more) {
                    return ext;
                }
            }
        }
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf(delimiter, from);
            if (end < 0) {
                end = text.length();
            }
            String attribute = text.substring(from, end);
            if (!attribute.isBlank()) {
                int eq = attribute.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("LEEF attribute without '=': '" + SyslogPrefix.abbreviate(attribute) + "'");
                }
                String key = attribute.substring(0, eq).strip();
                if (!KEY_CHARS.matcher(key).matches()) {
                    throw new IllegalArgumentException("LEEF attribute key '" + key + "' is empty or has characters"
                            + " other than letters, digits, '_', '.', '-'");
                }
                CefParser.add(ext, key, attribute.substring(eq + 1));
            }
            from = end + 1;
        }
        return ext;
    }

    private static int spacedPairs(String text) {
        Matcher m = SPACED_KEY.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int firstIndex(String text, char c) {
        int i = text.indexOf(c);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
