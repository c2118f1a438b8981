package io.protect.normalize.mapping.windows;

import com.fasterxml.jackson.databind.JsonNode;
import io.protect.normalize.mapping.EventTimes;
import io.protect.normalize.mapping.MappingContext;
import io.protect.normalize.mapping.SourceFields;
import io.protect.ocsf.model.enums.DeviceTypeId;
import io.protect.ocsf.model.enums.SeverityId;
import io.protect.ocsf.model.objects.Device;
import io.protect.ocsf.model.objects.Metadata;
import io.protect.ocsf.model.objects.Product;
import io.protect.normalize.mapping.OcsfParts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One Windows event log record (Security or Sysmon) in any of its three parsed forms, read through
 * {@link SourceFields} so that whatever a mapper does not take stays in {@code unmapped}:
 * <ul>
 *   <li>{@link Form#WINLOGBEAT}: Winlogbeat / Elastic Agent ECS JSON, system fields under
 *       {@code winlog.*}, event data under {@code winlog.event_data.*}, time {@code @timestamp}
 *       (the record's creation time, UTC).</li>
 *   <li>{@link Form#NXLOG}: NXLog {@code im_msvistalog} JSON, everything flat ({@code EventID},
 *       {@code SourceName}, {@code Channel}, {@code Hostname}, the event data fields), time
 *       {@code EventTime}.</li>
 *   <li>{@link Form#XML}: EventLog XML as parsed by ingest's {@code WindowsEventXmlParser}
 *       ({@code System.*}, {@code EventData.*}), time {@code System.TimeCreated.SystemTime}.</li>
 * </ul>
 *
 * <p>Time rules: {@code SystemTime} is UTC by definition (python-evtx writes it without a zone,
 * {@code 2019-02-13 18:02:04.426662}; Windows writes {@code ...Z}); an explicit offset is always
 * honoured. NXLog's {@code EventTime} is the host's local time without an offset
 * ({@code 2020-09-14 08:05:52}); its offset is recovered from {@code EventReceivedTime} (local,
 * same clock) against {@code @timestamp} (the same moment in UTC, written by the shipper), rounded
 * to 15 minutes; without them the record falls back to {@code @timestamp}. Placeholders
 * {@code -} (Windows' "no value") are treated as absent and stay in {@code unmapped}.
 */
public final class WinEvent {

    /** The three shapes a Windows event arrives in. */
    public enum Form { WINLOGBEAT, NXLOG, XML }

    private final JsonNode alert;
    private final SourceFields fields;
    private final Form form;

    public WinEvent(JsonNode alert) {
        this.alert = alert;
        this.fields = new SourceFields(alert);
        this.form = formOf(alert);
    }

    /** The form of a parsed event. */
    public static Form formOf(JsonNode alert) {
        if (alert.path("winlog").isObject()) {
            return Form.WINLOGBEAT;
        }
        if (alert.path("System").isObject()) {
            return Form.XML;
        }
        return Form.NXLOG;
    }

    /** The event id without consuming it (for picking a mapper); -1 when absent. */
    public static int eventIdOf(JsonNode alert) {
        JsonNode n = switch (formOf(alert)) {
            case WINLOGBEAT -> alert.path("winlog").path("event_id");
            case XML -> alert.path("System").path("EventID");
            case NXLOG -> alert.path("EventID");
        };
        String t = n.asText("").trim();
        return t.matches("\\d{1,9}") ? Integer.parseInt(t) : -1;
    }

    public Form form() {
        return form;
    }

    public JsonNode alert() {
        return alert;
    }

    public SourceFields fields() {
        return fields;
    }

    // ------------------------------------------------------------------ paths

    /** The path of an event data field. */
    public String dataPath(String name) {
        return switch (form) {
            case WINLOGBEAT -> "winlog.event_data." + name;
            case XML -> "EventData." + name;
            case NXLOG -> name;
        };
    }

    /** The path of a system field, by its EventLog XML name (see {@link #systemPath}). */
    static String systemPath(Form form, String xmlName) {
        return switch (form) {
            case XML -> "System." + xmlName;
            case WINLOGBEAT -> switch (xmlName) {
                case "EventID" -> "winlog.event_id";
                case "Provider.Name" -> "winlog.provider_name";
                case "Provider.Guid" -> "winlog.provider_guid";
                case "Channel" -> "winlog.channel";
                case "Computer" -> "winlog.computer_name";
                case "EventRecordID" -> "winlog.record_id";
                case "Execution.ProcessID" -> "winlog.process.pid";
                case "Execution.ThreadID" -> "winlog.process.thread.id";
                case "Version" -> "winlog.version";
                case "Task" -> "winlog.task";
                case "Opcode" -> "winlog.opcode";
                case "Correlation.ActivityID" -> "winlog.activity_id";
                case "Security.UserID" -> "winlog.user.identifier";
                default -> "winlog." + xmlName;
            };
            case NXLOG -> switch (xmlName) {
                case "Provider.Name" -> "SourceName";
                case "Provider.Guid" -> "ProviderGuid";
                case "Computer" -> "Hostname";
                case "EventRecordID" -> "RecordNumber";
                case "Execution.ProcessID" -> "ExecutionProcessID";
                case "Execution.ThreadID" -> "ThreadID";
                case "Correlation.ActivityID" -> "ActivityID";
                case "Security.UserID" -> "UserID";
                case "Opcode" -> "OpcodeValue";
                default -> xmlName;
            };
        };
    }

    // ------------------------------------------------------------------ reading

    /** An event data value, consumed; empty when absent, blank or the placeholder {@code -}. */
    public Optional<String> data(String name) {
        String path = dataPath(name);
        Optional<JsonNode> v = fields.peek(path);
        if (v.isEmpty() || !v.get().isValueNode() || v.get().isNull()) {
            return Optional.empty();
        }
        String text = v.get().asText();
        if (text.isBlank() || text.trim().equals("-")) {
            return Optional.empty();
        }
        fields.consume(path);
        return Optional.of(text.trim());
    }

    /** An event data value without consuming it. */
    public Optional<String> peekData(String name) {
        return fields.peek(dataPath(name)).filter(JsonNode::isValueNode).map(JsonNode::asText)
                .map(String::trim).filter(t -> !t.isEmpty() && !t.equals("-"));
    }

    /** An event data number, decimal or {@code 0x} hexadecimal (process ids), consumed. */
    public Optional<Integer> dataInt(String name) {
        Optional<String> t = peekData(name);
        Optional<Integer> n = t.flatMap(WinEvent::parseInt);
        n.ifPresent(x -> fields.consume(dataPath(name)));
        return n;
    }

    /** A port (1–65535), consumed only when it is one (Windows writes 0 or {@code -} for "none"). */
    public Optional<Integer> dataPort(String name) {
        Optional<Integer> n = peekData(name).flatMap(WinEvent::parseInt).filter(p -> p > 0 && p <= 65535);
        n.ifPresent(x -> fields.consume(dataPath(name)));
        return n;
    }

    /** A system field, consumed. */
    public Optional<String> system(String xmlName) {
        String path = systemPath(form, xmlName);
        Optional<JsonNode> v = fields.peek(path);
        if (v.isEmpty() || !v.get().isValueNode() || v.get().isNull() || v.get().asText().isBlank()) {
            return Optional.empty();
        }
        fields.consume(path);
        return Optional.of(v.get().asText().trim());
    }

    /** A field at an exact path (ECS or NXLog extras), consumed. */
    public Optional<String> text(String path) {
        return fields.takeText(path);
    }

    /** Decimal or {@code 0x} hexadecimal text as an int; empty when it does not fit. */
    public static Optional<Integer> parseInt(String text) {
        String t = text.trim();
        try {
            long v = t.regionMatches(true, 0, "0x", 0, 2) ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? Optional.of((int) v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }


    /** The event id, consumed (it becomes {@code metadata.event_code}); -1 when absent. */
    public int eventId() {
        int id = eventIdOf(alert);
        if (id >= 0) {
            fields.consume(systemPath(form, "EventID"));
        }
        return id;
    }

    /**
     * The audit outcome from the keywords, consumed: EventLog XML {@code Keywords}
     * 0x8020000000000000 (Audit Success) / 0x8010000000000000 (Audit Failure), NXLog
     * {@code EventType} AUDIT_SUCCESS / AUDIT_FAILURE, Winlogbeat {@code winlog.keywords}
     * ["Audit Success"] / ["Audit Failure"]. Empty when the record is not an audit record.
     */
    public Optional<Boolean> auditSuccess() {
        switch (form) {
            case XML -> {
                Optional<String> k = fields.peek("System.Keywords").map(JsonNode::asText).map(x -> x.trim().toLowerCase(Locale.ROOT));
                if (k.isPresent() && k.get().startsWith("0x")) {
                    try {
                        long v = Long.parseUnsignedLong(k.get().substring(2), 16);
                        boolean success = (v & 0x0020000000000000L) != 0;
                        boolean failure = (v & 0x0010000000000000L) != 0;
                        if (success != failure) {
                            fields.consume("System.Keywords");
                            return Optional.of(success);
                        }
                    } catch (NumberFormatException ignored) {
                        // not a keyword mask: stays unmapped
                    }
                }
            }
            case NXLOG -> {
                Optional<String> t = fields.peek("EventType").map(JsonNode::asText);
                if (t.isPresent() && (t.get().equals("AUDIT_SUCCESS") || t.get().equals("AUDIT_FAILURE"))) {
                    fields.consume("EventType");
                    return Optional.of(t.get().equals("AUDIT_SUCCESS"));
                }
            }
            case WINLOGBEAT -> {
                Optional<JsonNode> k = fields.peek("winlog.keywords");
                if (k.isPresent() && k.get().isArray() && k.get().size() == 1) {
                    String w = k.get().get(0).asText();
                    if (w.equals("Audit Success") || w.equals("Audit Failure")) {
                        fields.consume("winlog.keywords");
                        return Optional.of(w.equals("Audit Success"));
                    }
                }
            }
            default -> {
                // unreachable
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ common parts

    /** The event time, its offset and the original text, per the rules of the class comment. */
    public record Time(long epochMillis, Integer offsetMinutes, String original) {
    }

    /** Reads and consumes the event time; the receipt time when none is readable. */
    public Time time(MappingContext context) {
        switch (form) {
            case XML -> {
                Optional<String> t = fields.peek("System.TimeCreated.SystemTime").map(JsonNode::asText);
                Optional<EventTimes.Parsed> p = t.flatMap(WinEvent::parseUtcDefault);
                if (p.isPresent()) {
                    fields.consume("System.TimeCreated.SystemTime");
                    return new Time(p.get().epochMillis(), p.get().offsetMinutes(), t.get());
                }
            }
            case NXLOG -> {
                Optional<String> t = fields.peek("EventTime").map(JsonNode::asText);
                Optional<EventTimes.Parsed> explicit = t.flatMap(x -> EventTimes.parseIso(x.replace(' ', 'T')));
                if (explicit.isPresent()) {
                    fields.consume("EventTime");
                    return new Time(explicit.get().epochMillis(), explicit.get().offsetMinutes(), t.get());
                }
                Optional<LocalDateTime> local = t.flatMap(WinEvent::local);
                Optional<LocalDateTime> received = fields.peek("EventReceivedTime").map(JsonNode::asText).flatMap(WinEvent::local);
                Optional<EventTimes.Parsed> stamp = fields.peek("@timestamp").map(JsonNode::asText).flatMap(EventTimes::parseIso);
                if (local.isPresent() && received.isPresent() && stamp.isPresent()) {
                    long seconds = Duration.between(stamp.get().instant(), received.get().toInstant(ZoneOffset.UTC)).toSeconds();
                    long minutes = Math.round(seconds / 900.0) * 15;
                    if (Math.abs(minutes) <= 18 * 60) {
                        Instant at = local.get().toInstant(ZoneOffset.ofTotalSeconds((int) minutes * 60));
                        fields.consume("EventTime");
                        return new Time(at.toEpochMilli(), (int) minutes, t.get());
                    }
                }
                if (stamp.isPresent()) {
                    String original = fields.peek("@timestamp").map(JsonNode::asText).orElse(null);
                    fields.consume("@timestamp");
                    return new Time(stamp.get().epochMillis(), stamp.get().offsetMinutes(), original);
                }
            }
            case WINLOGBEAT -> {
                Optional<String> t = fields.peek("@timestamp").map(JsonNode::asText);
                Optional<EventTimes.Parsed> p = t.flatMap(EventTimes::parseIso)
                        .or(() -> fields.peek("winlog.time_created").map(JsonNode::asText).flatMap(EventTimes::parseIso));
                if (p.isPresent()) {
                    fields.consume(t.flatMap(EventTimes::parseIso).isPresent() ? "@timestamp" : "winlog.time_created");
                    return new Time(p.get().epochMillis(), p.get().offsetMinutes(), t.orElse(null));
                }
            }
            default -> {
                // unreachable
            }
        }
        return new Time(context.receivedAt().toEpochMilli(), null, null);
    }

    /** A Windows/Sysmon time: ISO with offset, or without one (then UTC, as SystemTime and UtcTime are). */
    public static Optional<EventTimes.Parsed> parseUtcDefault(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().replace(' ', 'T');
        Optional<EventTimes.Parsed> p = EventTimes.parseIso(t);
        if (p.isPresent()) {
            return p;
        }
        return local(t).map(l -> new EventTimes.Parsed(l.toInstant(ZoneOffset.UTC), 0));
    }

    private static Optional<LocalDateTime> local(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text.trim().replace(' ', 'T')));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The device the event was logged on: {@code Computer} as hostname (and domain from its FQDN). */
    public Device device() {
        Optional<String> computer = system("Computer");
        if (computer.isEmpty()) {
            return null;
        }
        String host = computer.get();
        int dot = host.indexOf('.');
        return Device.builder()
                .hostname(host)
                .name(dot > 0 ? host.substring(0, dot) : host)
                .domain(dot > 0 ? host.substring(dot + 1) : null)
                .typeId(DeviceTypeId.UNKNOWN)
                .type(DeviceTypeId.UNKNOWN.caption())
                .build();
    }

    /**
     * Severity from the source's own level. EventLog XML {@code Level}: 1 Critical → 5 Critical,
     * 2 Error → 4 High, 3 Warning → 3 Medium, 4 Information / 5 Verbose / 0 LogAlways (what every
     * Security audit record carries) → 1 Informational. NXLog {@code SeverityValue} (1 DEBUG,
     * 2 INFO, 3 WARNING, 4 ERROR, 5 CRITICAL) and Winlogbeat {@code log.level} (text) map the same
     * way. Absent → 0 Unknown.
     */
    public SeverityId severity() {
        return switch (form) {
            case XML -> system("Level").flatMap(WinEvent::parseInt).map(l -> switch (l) {
                case 1 -> SeverityId.CRITICAL;
                case 2 -> SeverityId.HIGH;
                case 3 -> SeverityId.MEDIUM;
                default -> SeverityId.INFORMATIONAL;
            }).orElse(SeverityId.UNKNOWN);
            case NXLOG -> {
                Optional<Integer> v = fields.takeInt("SeverityValue");
                v.ifPresent(x -> fields.consume("Severity"));
                yield v.map(l -> switch (l) {
                    case 5 -> SeverityId.CRITICAL;
                    case 4 -> SeverityId.HIGH;
                    case 3 -> SeverityId.MEDIUM;
                    default -> SeverityId.INFORMATIONAL;
                }).orElse(SeverityId.UNKNOWN);
            }
            case WINLOGBEAT -> fields.takeText("log.level").map(l -> switch (l.toLowerCase(Locale.ROOT)) {
                case "critical" -> SeverityId.CRITICAL;
                case "error" -> SeverityId.HIGH;
                case "warning" -> SeverityId.MEDIUM;
                default -> SeverityId.INFORMATIONAL;
            }).orElse(SeverityId.UNKNOWN);
        };
    }

    /** The rendered message (NXLog {@code Message}, Winlogbeat {@code message}), consumed. */
    public String message(String fallback) {
        return fields.takeText(List.of("Message", "message")).map(String::strip).orElse(fallback);
    }

    /**
     * The metadata: product and vendor, {@code log_name} = the channel, {@code log_provider} = the
     * provider, {@code event_code} = the event id, {@code original_time}, {@code uid} = the
     * Protect event id, {@code sequence} = the record id where it fits an int, the shipper as
     * {@code log_format}.
     */
    public Metadata metadata(MappingContext context, String product, String vendor, int eventId, Time time, List<String> profiles) {
        String channel = system("Channel").orElse(null);
        String provider = system("Provider.Name").orElse(null);
        Optional<String> record = fields.peek(systemPath(form, "EventRecordID")).map(JsonNode::asText);
        Integer sequence = record.flatMap(WinEvent::parseInt).orElse(null);
        if (sequence != null) {
            fields.consume(systemPath(form, "EventRecordID"));
        }
        Product.Builder p = Product.builder().name(product).vendorName(vendor);
        return Metadata.builder()
                .product(p.build())
                .version(OcsfParts.OCSF_VERSION)
                .logName(channel)
                .logProvider(provider)
                .logFormat(switch (form) {
                    case WINLOGBEAT -> "Winlogbeat JSON";
                    case NXLOG -> "NXLog JSON";
                    case XML -> "EventLog XML";
                })
                .eventCode(Integer.toString(eventId))
                .originalTime(time.original())
                .sequence(sequence)
                .uid(context.eventId().toString())
                .correlationUid(context.correlationId())
                .tenantUid(context.tenantId())
                .profiles(profiles.isEmpty() ? null : profiles)
                .build();
    }
}
