package io.protect.model.wire;

/**
 * A record whose bytes are not the event they claim to be: malformed JSON, the wrong event type,
 * an unknown major version, a missing or mistyped field. Permanent: reading it again cannot help,
 * so a stage dead-letters it with this message.
 */
public class WireFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    private String eventId;
    private String tenantId;

    /**
     * The same failure, naming the event it was found in (read before the failure), so that a dead
     * letter of a record of the wrong type, say, still says whose and which event it is.
     */
    WireFormatException about(java.util.UUID id, String tenant) {
        if (eventId == null && id != null) {
            eventId = id.toString();
        }
        if (tenantId == null) {
            tenantId = tenant;
        }
        return this;
    }

    /** The event id of the record, when it was read before the failure; else null. */
    public String eventId() {
        return eventId;
    }

    /** The tenant of the record, when it was read before the failure; else null. */
    public String tenantId() {
        return tenantId;
    }
}
