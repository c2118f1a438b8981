package io.protect.ingest.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protect.model.events.SourceFormat;
import io.protect.ingest.stage.formats.CefParser;
import io.protect.ingest.stage.formats.LeefParser;
import io.protect.ingest.stage.formats.WindowsEventXmlParser;
import io.protect.ingest.stage.formats.ZeekTsvParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@code text/plain} body of line-oriented events into alerts: CEF and LEEF lines (with or
 * without a syslog header), Windows EventLog XML with one {@code <Event>} per line, or one Zeek
 * TSV log with its {@code #} header lines. Like JSON bodies, a batch is all-or-nothing and a bad
 * line is named by its number.
 */
public final class LineFormats {

    /** An alert parsed from a line, with the format its line was written in. */
    public record Parsed(AlertBatchParser.Located located, SourceFormat format) {
    }

    private final int maxEventBytes;
    private final int maxEvents;

    public LineFormats(int maxEventBytes, int maxEvents) {
        this.maxEventBytes = maxEventBytes;
        this.maxEvents = maxEvents;
    }

    /** Parses a body; {@code requested} (the {@code source} parameter) must agree with the lines when given. */
    public List<Parsed> parse(byte[] body, SourceFormat requested) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("#separator") || text.startsWith("#fields") || requested == SourceFormat.ZEEK) {
            return zeek(text);
        }
        List<Parsed> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.getBytes(StandardCharsets.UTF_8).length > maxEventBytes) {
                throw new AlertBatchParser.BadBatch(413, "line " + lineNo + " is larger than " + maxEventBytes + " bytes", null, lineNo);
            }
            if (out.size() == maxEvents) {
                throw new AlertBatchParser.BadBatch(413, "more than " + maxEvents + " events in one request", null, lineNo);
            }
            Parsed parsed = parseLine(line, lineNo);
            if (requested != null && requested != parsed.format()
                    && !(requested == SourceFormat.WINDOWS && parsed.format() == SourceFormat.SYSMON)) {
                throw new AlertBatchParser.BadBatch(400, "line " + lineNo + " is " + parsed.format().wireName()
                        + ", but the request says source=" + requested.wireName(), null, lineNo);
            }
            out.add(parsed);
        }
        if (out.isEmpty()) {
            throw new AlertBatchParser.BadBatch(400, "empty body: no lines", null, null);
        }
        return out;
    }

    /** One line of a CEF, LEEF or Windows XML stream (also what the syslog input receives). */
    public static Parsed parseLine(String line, int lineNo) {
        try {
            if (CefParser.looksLikeCef(line)) {
                return parsed(CefParser.parse(line), lineNo, SourceFormat.CEF);
            }
            if (LeefParser.looksLikeLeef(line)) {
                return parsed(LeefParser.parse(line), lineNo, SourceFormat.LEEF);
            }
            if (WindowsEventXmlParser.looksLikeEvent(line)) {
                ObjectNode event = WindowsEventXmlParser.parse(line);
                SourceFormat format = SourceFormats.matches(SourceFormat.SYSMON, event) ? SourceFormat.SYSMON : SourceFormat.WINDOWS;
                return parsed(event, lineNo, format);
            }
        } catch (IllegalArgumentException e) {
            throw new AlertBatchParser.BadBatch(400, "line " + lineNo + ": " + e.getMessage(), null, lineNo);
        }
        throw new AlertBatchParser.BadBatch(400, "line " + lineNo
                + " is not a CEF, LEEF or Windows XML event (text/plain bodies hold those, or one Zeek TSV log)", null, lineNo);
    }

    private List<Parsed> zeek(String text) {
        List<ObjectNode> records;
        try {
            records = ZeekTsvParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AlertBatchParser.BadBatch(400, "Zeek TSV: " + e.getMessage(), null, null);
        }
        if (records.size() > maxEvents) {
            throw new AlertBatchParser.BadBatch(413, "more than " + maxEvents + " events in one request", null, null);
        }
        List<Parsed> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            out.add(new Parsed(new AlertBatchParser.Located(records.get(i), i, null), SourceFormat.ZEEK));
        }
        if (out.isEmpty()) {
            throw new AlertBatchParser.BadBatch(400, "the Zeek log holds no records", null, null);
        }
        return out;
    }

    private static Parsed parsed(JsonNode event, int lineNo, SourceFormat format) {
        return new Parsed(new AlertBatchParser.Located(event, null, lineNo), format);
    }
}
