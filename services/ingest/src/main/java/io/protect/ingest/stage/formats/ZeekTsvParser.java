package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Zeek ASCII (TSV) log, header lines included, into one JSON object per record, named and
 * typed as Zeek's own JSON writer would write them.
 *
 * <p>Header: {@code #separator} (its value written with {@code \xHH} escapes, e.g. {@code \x09}),
 * {@code #set_separator}, {@code #empty_field}, {@code #unset_field}, {@code #path}, {@code #fields},
 * {@code #types}; {@code #open}/{@code #close} and other comment lines are skipped. A new
 * {@code #separator} line starts a new header block (concatenated logs).
 *
 * <p>Values: the unset field ({@code -}) omits the field; the empty field ({@code (empty)}) is
 * {@code ""}, or {@code []} for a container; {@code count}/{@code int}/{@code port} become integral
 * numbers, {@code double}/{@code interval}/{@code time} decimal numbers (time as epoch seconds with
 * the fraction as written), {@code bool} {@code T}/{@code F} a boolean, {@code set[..]}/
 * {@code vector[..]} an array split on the set separator with each element typed by the inner
 * type; everything else (string, addr, subnet, enum, ...) text. {@code \xHH} escapes in values are
 * decoded after the unset/empty comparison (Zeek writes a literal {@code -} as {@code \x2d}). A value
 * whose text does not read as its declared type is kept as text, never dropped. Field names stay
 * as in {@code #fields} ({@code id.orig_h}), like Zeek's JSON output.
 */
public final class ZeekTsvParser {

    private static final Pattern HEX_ESCAPE = Pattern.compile("\\\\x([0-9a-fA-F]{2})");

    /** One parsed log: its {@code #path} (null when the header has none) and its records. */
    public record Log(String path, List<ObjectNode> records) {
    }

    private ZeekTsvParser() {
    }

    /** The records of a Zeek TSV log text. */
    public static List<ObjectNode> parse(String text) {
        return parseLog(text).records();
    }

    /** The records and the {@code #path} of a Zeek TSV log text (the last {@code #path} seen). */
    public static Log parseLog(String text) {
        Header h = new Header();
        List<ObjectNode> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                h.read(line);
                continue;
            }
            if (h.fields == null) {
                throw new IllegalArgumentException("line " + lineNo + ": a Zeek TSV record before any #fields header");
            }
            out.add(record(h, line, lineNo));
        }
        return new Log(h.path, out);
    }

    /** The header state of the current block. */
    private static final class Header {
        String separator = "\t";
        String setSeparator = ",";
        String emptyField = "(empty)";
        String unsetField = "-";
        String path;
        String[] fields;
        String[] types;

        void read(String line) {
            if (line.startsWith("#separator")) {
                // "#separator \x09": the only header line whose value follows a space, escaped.
                String value = line.substring("#separator".length()).trim();
                separator = unescape(value.isEmpty() ? "\\x09" : value);
                setSeparator = ",";
                emptyField = "(empty)";
                unsetField = "-";
                path = null;
                fields = null;
                types = null;
                return;
            }
            String[] parts = line.split(Pattern.quote(separator), -1);
            String key = parts[0];
            switch (key) {
                case "#set_separator" -> setSeparator = unescape(value(parts));
                case "#empty_field" -> emptyField = unescape(value(parts));
                case "#unset_field" -> unsetField = unescape(value(parts));
                case "#path" -> path = value(parts);
                case "#fields" -> fields = tail(parts);
                case "#types" -> types = tail(parts);
                default -> {
                    // #open, #close and comments carry no record data.
                }
            }
        }

        private static String value(String[] parts) {
            return parts.length > 1 ? parts[1] : "";
        }

        private static String[] tail(String[] parts) {
            String[] t = new String[parts.length - 1];
            System.arraycopy(parts, 1, t, 0, t.length);
            return t;
        }
    }

    private static ObjectNode record(Header h, String line, int lineNo) {
        String[] values = line.split(Pattern.quote(h.separator), -1);
        if (values.length != h.fields.length) {
            throw new IllegalArgumentException("line " + lineNo + ": " + values.length + " values for "
                    + h.fields.length + " #fields");
        }
        ObjectNode rec = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < values.length; i++) {
            String type = h.types != null && i < h.types.length ? h.types[i] : "string";
            JsonNode v = value(h, type, values[i]);
            if (v != null) {
                rec.set(h.fields[i], v);
            }
        }
        return rec;
    }

    /** The typed value of one field, or null for the unset field. */
    static JsonNode value(Header h, String type, String raw) {
        if (raw.equals(h.unsetField)) {
            return null;
        }
        String inner = containerType(type);
        if (inner != null) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            if (raw.equals(h.emptyField)) {
                return a;
            }
            for (String element : raw.split(Pattern.quote(h.setSeparator), -1)) {
                JsonNode v = element.equals(h.unsetField) ? JsonNodeFactory.instance.nullNode() : scalar(inner, element);
                a.add(v);
            }
            return a;
        }
        if (raw.equals(h.emptyField)) {
            return JsonNodeFactory.instance.textNode("");
        }
        return scalar(type, raw);
    }

    private static String containerType(String type) {
        for (String prefix : new String[] {"set[", "vector["}) {
            if (type.startsWith(prefix) && type.endsWith("]")) {
                return type.substring(prefix.length(), type.length() - 1);
            }
        }
        return null;
    }

    private static JsonNode scalar(String type, String raw) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String text = unescape(raw);
        try {
            switch (type) {
                case "count", "int", "port" -> {
                    if (text.matches("-?\\d+")) {
                        long n = Long.parseLong(text);
                        return n == (int) n ? f.numberNode((int) n) : f.numberNode(n);
                    }
                }
                case "double", "interval", "time" -> {
                    if (text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
                        return f.numberNode(new BigDecimal(text));
                    }
                }
                case "bool" -> {
                    if (text.equals("T")) {
                        return f.booleanNode(true);
                    }
                    if (text.equals("F")) {
                        return f.booleanNode(false);
                    }
                }
                default -> {
                    return f.textNode(text);
                }
            }
        } catch (NumberFormatException e) {
            // falls through: kept as text below
        }
        return f.textNode(text); // not readable as its declared type: keep what Zeek wrote
    }

    /** Decodes {@code \xHH} escapes as bytes, so escaped UTF-8 sequences become their characters. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
        Matcher m = HEX_ESCAPE.matcher(s);
        int at = 0;
        while (m.find()) {
            bytes.writeBytes(s.substring(at, m.start()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes.write(Integer.parseInt(m.group(1), 16));
            at = m.end();
        }
        bytes.writeBytes(s.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
