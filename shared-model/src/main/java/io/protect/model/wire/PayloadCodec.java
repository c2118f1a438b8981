package io.protect.model.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import io.protect.model.events.EventType;
import java.io.IOException;

/**
 * The one reader and the one writer of an event type's payload ({@code data}), used by every
 * producer and consumer of that type. Readers stream: they bind what the payload's record holds,
 * skip fields they do not know (a newer minor version's additions), and fail with a
 * {@link WireFormatException} on a missing or mistyped field. Writers write exactly the fields of
 * the type's current schema version, optional ones only when set.
 *
 * @param <T> the payload record
 */
public interface PayloadCodec<T> {

    /** The event type whose payload this is. */
    EventType type();

    /** Reads the payload; the reader is at the payload's START_OBJECT. */
    T read(JsonIn in) throws IOException;

    /** Writes the payload as an object. */
    void write(T payload, JsonGenerator g) throws IOException;
}
