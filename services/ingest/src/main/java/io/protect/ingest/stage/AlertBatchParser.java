package io.protect.ingest.stage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.protect.model.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request body into alerts: one JSON object, a JSON array of objects, or NDJSON (one
 * object per line, blank lines ignored). A batch is all-or-nothing: the first bad element fails the
 * whole request with its array index or NDJSON line, and nothing of it is published.
 */
public final class AlertBatchParser {

    /** Where in the body an alert came from: an array index, an NDJSON line, or neither. */
    public record Located(JsonNode alert, Integer index, Integer line) {
    }

    /** A body that cannot be accepted, with where the problem is and the HTTP status it deserves. */
    public static final class BadBatch extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final Integer index;
        private final Integer line;

        public BadBatch(int status, String message, Integer index, Integer line) {
            super(message);
            this.status = status;
            this.index = index;
            this.line = line;
        }

        public int status() {
            return status;
        }

        public Integer index() {
            return index;
        }

        public Integer line() {
            return line;
        }
    }

    private final int maxEventBytes;
    private final int maxEvents;

    public AlertBatchParser(int maxEventBytes, int maxEvents) {
        this.maxEventBytes = maxEventBytes;
        this.maxEvents = maxEvents;
    }

    /** Parses a body of the given media type ({@code application/json} or {@code application/x-ndjson}). */
    public List<Located> parse(byte[] body, boolean ndjson) {
        return ndjson ? parseNdjson(body) : parseJson(body);
    }

    private List<Located> parseJson(byte[] body) {
        List<Located> out = new ArrayList<>();
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new BadBatch(400, "empty body: send a JSON object, a JSON array of objects, or NDJSON", null, null);
            }
            if (first == JsonToken.START_OBJECT) {
                JsonNode alert = Json.MAPPER.readTree(p);
                checkSize(alert, null, null);
                out.add(new Located(alert, null, null));
            } else if (first == JsonToken.START_ARRAY) {
                int index = 0;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), index++) {
                    if (t == null) {
                        throw new BadBatch(400, "the JSON array is not closed", index, null);
                    }
                    if (t != JsonToken.START_OBJECT) {
                        throw new BadBatch(400, "element " + index + " is " + describe(t) + ", not a JSON object", index, null);
                    }
                    JsonNode alert = readElement(p, index);
                    checkSize(alert, index, null);
                    if (out.size() == maxEvents) {
                        throw new BadBatch(413, "more than " + maxEvents + " alerts in one request", index, null);
                    }
                    out.add(new Located(alert, index, null));
                }
            } else {
                throw new BadBatch(400, "the body is " + describe(first) + "; send a JSON object or a JSON array of objects", null, null);
            }
            if (p.nextToken() != null) {
                throw new BadBatch(400, "unexpected content after the JSON value", null, null);
            }
        } catch (BadBatch e) {
            throw e;
        } catch (IOException e) {
            throw new BadBatch(400, "malformed JSON: " + firstLine(e.getMessage()), null, null);
        }
        return out;
    }

    private JsonNode readElement(JsonParser p, int index) {
        try {
            return Json.MAPPER.readTree(p);
        } catch (IOException e) {
            throw new BadBatch(400, "element " + index + " is malformed JSON: " + firstLine(e.getMessage()), index, null);
        }
    }

    private List<Located> parseNdjson(byte[] body) {
        List<Located> out = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() > maxEventBytes && line.getBytes(StandardCharsets.UTF_8).length > maxEventBytes) {
                throw new BadBatch(413, "line " + lineNo + " is larger than " + maxEventBytes + " bytes", null, lineNo);
            }
            JsonNode alert;
            try {
                alert = Json.MAPPER.readTree(line);
            } catch (IOException e) {
                throw new BadBatch(400, "line " + lineNo + " is malformed JSON: " + firstLine(e.getMessage()), null, lineNo);
            }
            if (!alert.isObject()) {
                throw new BadBatch(400, "line " + lineNo + " is not a JSON object", null, lineNo);
            }
            if (out.size() == maxEvents) {
                throw new BadBatch(413, "more than " + maxEvents + " alerts in one request", null, lineNo);
            }
            out.add(new Located(alert, null, lineNo));
        }
        if (out.isEmpty()) {
            throw new BadBatch(400, "empty body: no NDJSON lines", null, null);
        }
        return out;
    }

    private void checkSize(JsonNode alert, Integer index, Integer line) {
        // Serialized size, which is what travels on: whitespace in the request does not count.
        int size;
        try {
            size = Json.MAPPER.writeValueAsBytes(alert).length;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (size > maxEventBytes) {
            String where = index != null ? "element " + index : "the alert";
            throw new BadBatch(413, where + " is larger than " + maxEventBytes + " bytes", index, line);
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
