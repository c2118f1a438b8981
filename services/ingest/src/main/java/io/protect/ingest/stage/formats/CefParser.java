package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one ArcSight CEF line (Common Event Format, rev. 25) into a JSON object, losing no field.
 * Pure: a string in, an {@link ObjectNode} out, or an {@link IllegalArgumentException} that says
 * what is wrong.
 *
 * <p>Output shape:
 * <pre>{@code
 * {
 *   "syslog":        {"pri": 14, "timestamp": "Mar 21 14:05:02", "host": "HHHPVATN1", ...},  // only when a header precedes CEF:
 *   "cefVersion":    0,                 // the number after CEF:
 *   "deviceVendor":  "Cyber-Ark",
 *   "deviceProduct": "Vault",
 *   "deviceVersion": "7.20.0091",
 *   "signatureId":   "295",             // Signature ID / Device Event Class ID
 *   "name":          "Retrieve password",
 *   "severity":      "5",               // as written: 0-10, or Low/Medium/High/Very-High/Unknown
 *   "extension":     {"act": "Retrieve password", "suser": "spilgrim", "cs2Label": "Safe Name", ...}
 * }
 * }</pre>
 * The syslog header fields are described in {@link SyslogPrefix}.
 *
 * <p>Rules:
 * <ul>
 *   <li>Header: seven {@code |}-separated fields after {@code CEF:} (a space after the colon, as
 *       Check Point writes {@code CEF: 0|}, is allowed); {@code \|} and {@code \\} are escapes
 *       in header fields; any other backslash is kept as written. Fewer than seven fields is an
 *       error naming the first missing field. A non-numeric version is an error.</li>
 *   <li>Extension: {@code key=value} pairs. A key starts after whitespace (or at the start) and
 *       is made of letters, digits, {@code _ . - [ ]} (vendors write {@code ad.vd}); a value runs
 *       to the whitespace before the next key, so values keep their inner spaces and unescaped
 *       pipes. In values {@code \=}, {@code \\}, {@code \n} and {@code \r} are unescaped; any
 *       other backslash is kept as written (senders put bare Windows paths such as
 *       {@code Root\ABC}). Trailing whitespace of a value is the separator and is dropped; a
 *       value may be empty ({@code dhost= duser=}).</li>
 *   <li>A key that occurs more than once keeps every value, in order, as a JSON array.</li>
 *   <li>Custom fields and their labels ({@code cs1}, {@code cs1Label}, ...) are kept as they are.</li>
 *   <li>Non-blank text before the first key of the extension is an error.</li>
 * </ul>
 */
public final class CefParser {

    /** Names of the seven header fields, in order, as they appear in the output. */
    public static final List<String> HEADER_FIELDS = List.of("cefVersion", "deviceVendor", "deviceProduct",
            "deviceVersion", "signatureId", "name", "severity");

    private static final Pattern START = Pattern.compile("CEF:\\s?");
    /** A key: after whitespace or the start, key characters, then an unescaped '='. */
    private static final Pattern KEY = Pattern.compile("(?<![^\\s])([A-Za-z0-9_.\\-\\[\\]]+)=");

    private CefParser() {
    }

    /** True when a line carries a CEF payload (the caller may then {@link #parse} it). */
    public static boolean looksLikeCef(String line) {
        return line != null && START.matcher(line).find();
    }

    /**
     * Parses one CEF line.
     *
     * @throws IllegalArgumentException when the line is not valid CEF, naming what is wrong
     */
    public static ObjectNode parse(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("CEF line is empty");
        }
        String text = stripLineEnd(line);
        Matcher start = START.matcher(text);
        if (!start.find()) {
            throw new IllegalArgumentException("not a CEF line: no 'CEF:' in '" + SyslogPrefix.abbreviate(text) + "'");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode syslog = SyslogPrefix.parse(text.substring(0, start.start()), "CEF:");
        if (syslog != null) {
            out.set("syslog", syslog);
        }

        // Header: 7 fields, each ended by an unescaped pipe.
        List<String> header = new ArrayList<>(7);
        StringBuilder field = new StringBuilder();
        int i = start.end();
        while (i < text.length() && header.size() < 7) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '|' || text.charAt(i + 1) == '\\')) {
                field.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
            i++;
        }
        if (header.size() < 7) {
            throw new IllegalArgumentException("CEF header has " + header.size() + " of 7 '|'-terminated fields: "
                    + HEADER_FIELDS.get(header.size()) + " is missing or not ended by '|'");
        }
        String version = header.get(0).strip();
        if (!version.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("CEF version must be a number, got '" + header.get(0) + "'");
        }
        out.put("cefVersion", Integer.parseInt(version));
        for (int h = 1; h < 7; h++) {
            out.put(HEADER_FIELDS.get(h), header.get(h));
        }
        out.set("extension", parseExtension(text.substring(i)));
        return out;
    }

    /** The extension's key=value pairs (rules in the class comment). */
    static ObjectNode parseExtension(String extension) {
        ObjectNode ext = JsonNodeFactory.instance.objectNode();
        Matcher m = KEY.matcher(extension);
        if (!m.find()) {
            if (!extension.isBlank()) {
                throw new IllegalArgumentException("CEF extension has no key=value pair: '"
                        + SyslogPrefix.abbreviate(extension) + "'");
            }
            return ext;
        }
        if (!extension.substring(0, m.start()).isBlank()) {
            throw new IllegalArgumentException("CEF extension has text before its first key: '"
                    + SyslogPrefix.abbreviate(extension.substring(0, m.start()).strip()) + "'");
        }
        while (true) {
            String key = m.group(1);
            int valueStart = m.end();
            boolean more = m.find();
            String raw = extension.substring(valueStart, more ? m.start() : extension.length());
            add(ext, key, unescapeValue(stripTrailingWhitespace(raw)));
            if (!more) {
                return ext;
            }
        }
    }

    /** Adds a value, turning a repeated key into an array of its values. */
    static void add(ObjectNode ext, String key, String value) {
        JsonNode existing = ext.get(key);
        if (existing == null) {
            ext.put(key, value);
        } else if (existing.isArray()) {
            ((ArrayNode) existing).add(value);
        } else {
            ArrayNode values = ext.arrayNode();
            values.add(existing);
            values.add(value);
            ext.set(key, values);
        }
    }

    /** {@code \=}, {@code \\}, {@code \n}, {@code \r} → their characters; other backslashes stay. */
    static String unescapeValue(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char n = raw.charAt(i + 1);
                switch (n) {
                    case '=' -> { b.append('='); i++; continue; }
                    case '\\' -> { b.append('\\'); i++; continue; }
                    case 'n' -> { b.append('\n'); i++; continue; }
                    case 'r' -> { b.append('\r'); i++; continue; }
                    default -> { }
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Drops trailing whitespace: it separates the value from the next key. */
    private static String stripTrailingWhitespace(String raw) {
        int end = raw.length();
        while (end > 0 && Character.isWhitespace(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(0, end);
    }

    /** A line read with its terminator still on it. */
    static String stripLineEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }
}
