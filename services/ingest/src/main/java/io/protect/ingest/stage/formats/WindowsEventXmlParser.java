package io.protect.ingest.stage.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses one Windows EventLog XML record ({@code <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">},
 * as wevtutil, python-evtx or a WEF collector write it, one event per line) into a JSON object.
 * Pure and XXE-safe: StAX with DTDs and external entities disabled, and any DOCTYPE rejected.
 *
 * <p>Output shape (every value is text, as in the XML; nothing is dropped, empty values stay
 * {@code ""}):
 * <pre>
 * {"System": {"Provider": {"Name": "...", "Guid": "{...}"}, "EventID": "4624", "EventIDQualifiers": "",
 *             "Version": "2", "Level": "0", "Task": "12544", "Opcode": "0", "Keywords": "0x8020000000000000",
 *             "TimeCreated": {"SystemTime": "..."}, "EventRecordID": "227701",
 *             "Correlation": {"ActivityID": "{...}", "RelatedActivityID": ""},
 *             "Execution": {"ProcessID": "520", "ThreadID": "1920"}, "Channel": "Security",
 *             "Computer": "PC01.example.corp", "Security": {"UserID": "S-1-5-18"}},
 *  "EventData": {"SubjectUserSid": "S-1-5-18", ..., "Data": ["unnamed value", ...], "Binary": "..."}}
 * </pre>
 * Rules: namespaces are ignored (local names only). An element with only text becomes a string;
 * one with attributes and no text an object of its attributes; one with both a string plus one
 * sibling key per attribute named element + attribute ({@code EventIDQualifiers}); one with child
 * elements an object of its children (UserData, RenderingInfo, ...), a repeated child name becoming
 * an array. In {@code EventData}, {@code <Data Name="X">v</Data>} becomes {@code "X": "v"} (a name
 * repeated becomes an array), unnamed {@code <Data>} values go, in order, to the array
 * {@code Data}.
 */
public final class WindowsEventXmlParser {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final XMLInputFactory FACTORY = newFactory();

    private WindowsEventXmlParser() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // XXE: no DTD processing, no external entities (a DOCTYPE is also rejected in parse()).
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /** True when a line looks like an EventLog XML record (starts with {@code <Event}). */
    public static boolean looksLikeEvent(String line) {
        if (line == null) {
            return false;
        }
        String t = line.stripLeading();
        if (t.startsWith("<?xml")) {
            int end = t.indexOf("?>");
            t = end < 0 ? "" : t.substring(end + 2).stripLeading();
        }
        return t.startsWith("<Event") && (t.length() > 6 && (t.charAt(6) == ' ' || t.charAt(6) == '>'));
    }

    /** Parses every non-blank line of a text, one {@code <Event>} per line. */
    public static List<ObjectNode> parseLines(String text) {
        List<ObjectNode> out = new ArrayList<>();
        for (String line : text.split("\\r?\\n")) {
            if (!line.isBlank()) {
                out.add(parse(line));
            }
        }
        return out;
    }

    /**
     * Parses one {@code <Event>} element.
     *
     * @throws IllegalArgumentException when the text is not well-formed XML, has a DOCTYPE, or its
     *     root is not {@code Event}
     */
    public static ObjectNode parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new IllegalArgumentException("empty EventLog XML");
        }
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(xml.strip()));
            ObjectNode event = null;
            while (r.hasNext()) {
                int type = r.next();
                if (type == XMLStreamConstants.DTD) {
                    throw new IllegalArgumentException("a DOCTYPE is not allowed in EventLog XML");
                }
                if (type == XMLStreamConstants.START_ELEMENT) {
                    if (event != null) {
                        throw new IllegalArgumentException("more than one root element");
                    }
                    if (!"Event".equals(r.getLocalName())) {
                        throw new IllegalArgumentException("root element is <" + r.getLocalName() + ">, not <Event>");
                    }
                    event = readEvent(r);
                }
            }
            if (event == null) {
                throw new IllegalArgumentException("no <Event> element");
            }
            return event;
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("malformed EventLog XML: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release for a string source
                }
            }
        }
    }

    /** Reads the children of {@code <Event>}; the reader is on its start tag. */
    private static ObjectNode readEvent(XMLStreamReader r) throws XMLStreamException {
        ObjectNode event = JSON.objectNode();
        putAttributes(event, r, "");
        while (r.hasNext()) {
            int type = r.next();
            if (type == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                JsonNode value = "EventData".equals(name) ? readEventData(r) : readElement(r, event, name);
                if (value != null) {
                    add(event, name, value);
                }
            } else if (type == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
        }
        throw new XMLStreamException("unterminated <Event>");
    }

    /** {@code <EventData>}: named Data → fields, unnamed Data → the array {@code Data}, others generic. */
    private static ObjectNode readEventData(XMLStreamReader r) throws XMLStreamException {
        ObjectNode data = JSON.objectNode();
        putAttributes(data, r, "");
        ArrayNode unnamed = null;
        while (r.hasNext()) {
            int type = r.next();
            if (type == XMLStreamConstants.START_ELEMENT) {
                String element = r.getLocalName();
                if ("Data".equals(element)) {
                    String name = attribute(r, "Name");
                    String text = readText(r);
                    if (name == null) {
                        if (unnamed == null) {
                            unnamed = JSON.arrayNode();
                        }
                        unnamed.add(text);
                    } else {
                        add(data, name, JSON.textNode(text));
                    }
                } else {
                    JsonNode value = readElement(r, data, element);
                    if (value != null) {
                        add(data, element, value);
                    }
                }
            } else if (type == XMLStreamConstants.END_ELEMENT) {
                if (unnamed != null) {
                    add(data, "Data", unnamed);
                }
                return data;
            }
        }
        throw new XMLStreamException("unterminated <EventData>");
    }

    /**
     * Any other element, by the generic rules of the class comment. Returns the value to store
     * under its name, or null when it has already put itself into the parent (text + attributes).
     */
    private static JsonNode readElement(XMLStreamReader r, ObjectNode parent, String name) throws XMLStreamException {
        ObjectNode attributes = JSON.objectNode();
        putAttributes(attributes, r, "");
        ObjectNode children = null;
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            int type = r.next();
            switch (type) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (children == null) {
                        children = JSON.objectNode();
                    }
                    String child = r.getLocalName();
                    JsonNode value = readElement(r, children, child);
                    if (value != null) {
                        add(children, child, value);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XMLStreamException("undeclared entity &" + r.getLocalName() + ";");
                case XMLStreamConstants.END_ELEMENT -> {
                    if (children != null) {
                        // Mixed content is not EventLog XML; keep stray text rather than drop it.
                        attributes.setAll(children);
                        if (!text.toString().isBlank()) {
                            attributes.put("#text", text.toString());
                        }
                        return attributes;
                    }
                    if (attributes.isEmpty()) {
                        return JSON.textNode(text.toString());
                    }
                    if (text.length() == 0) {
                        return attributes;
                    }
                    add(parent, name, JSON.textNode(text.toString()));
                    attributes.fields().forEachRemaining(a -> add(parent, name + a.getKey(), a.getValue()));
                    return null;
                }
                default -> {
                    // comments and processing instructions carry no event data
                }
            }
        }
        throw new XMLStreamException("unterminated <" + name + ">");
    }

    /** The text content of a leaf element ({@code <Data>}); nested elements are not expected there. */
    private static String readText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (r.hasNext()) {
            int type = r.next();
            switch (type) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> {
                    if (--depth == 0) {
                        return text.toString();
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XMLStreamException("undeclared entity &" + r.getLocalName() + ";");
                default -> {
                    // comments carry no data
                }
            }
        }
        throw new XMLStreamException("unterminated <Data>");
    }

    private static String attribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (localName.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static void putAttributes(ObjectNode target, XMLStreamReader r, String prefix) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            add(target, prefix + r.getAttributeLocalName(i), JSON.textNode(r.getAttributeValue(i)));
        }
    }

    /** Adds a value; a name seen twice turns into an array of its values, in document order. */
    private static void add(ObjectNode target, String name, JsonNode value) {
        JsonNode existing = target.get(name);
        if (existing == null) {
            target.set(name, value);
        } else if (existing.isArray() && existing.has(0) && !(value.isArray())) {
            ((ArrayNode) existing).add(value);
        } else {
            ArrayNode array = JSON.arrayNode();
            array.add(existing);
            array.add(value);
            target.set(name, array);
        }
    }
}
