package io.protect.model.messaging;

/**
 * The Kafka record headers of the pipeline, one home for their names: the W3C trace context every
 * record carries, the failure a dead letter carries, and the mark of a record re-injected from
 * outside the stages (which is validated against its schemas in full).
 */
public final class RecordHeaders {

    /** The W3C trace context of the record's event ({@code 00-<trace-id>-<span-id>-01}). */
    public static final String TRACEPARENT = "traceparent";

    /**
     * Set on a record that did not come from a pipeline stage, such as a dead letter replayed into
     * its topic: a stage validates such a record against every constraint of its schemas, as ingest
     * does at the door, instead of trusting what its own pipeline wrote.
     */
    public static final String REINJECTED = "protect-reinjected";

    /** Dead letters: the stage that gave up on the record. */
    public static final String DLQ_STAGE = "protect-dlq-stage";
    /** Dead letters: what went wrong, with its causes. */
    public static final String DLQ_ERROR = "protect-dlq-error";
    /** Dead letters: the class of the error. */
    public static final String DLQ_ERROR_CLASS = "protect-dlq-error-class";
    /** Dead letters: how many times the record was attempted. */
    public static final String DLQ_ATTEMPTS = "protect-dlq-attempts";
    /** Dead letters: where the record was read. */
    public static final String DLQ_ORIGINAL_TOPIC = "protect-dlq-original-topic";
    public static final String DLQ_ORIGINAL_PARTITION = "protect-dlq-original-partition";
    public static final String DLQ_ORIGINAL_OFFSET = "protect-dlq-original-offset";
    /** Dead letters: the event id and tenant, when the record could be read that far. */
    public static final String DLQ_EVENT_ID = "protect-dlq-event-id";
    public static final String DLQ_TENANT = "protect-dlq-tenant";

    private RecordHeaders() {
    }
}
