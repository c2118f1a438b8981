package io.protect.service.common;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops SmallRye's start-up warning that outgoing channels "have no upstream" when that is all it
 * says: the stages send through their outgoing channels' producers directly ({@link Producers}), so
 * no emitter feeds those channels by design. A warning that names anything else (an incoming
 * channel without a consumer, say) is kept whole.
 */
@LoggingFilter(name = "protect-direct-producers")
public final class DirectProducerChannelsLogFilter implements Filter {

    static final String CODE = "SRMSG00207";

    @Override
    public boolean isLoggable(LogRecord record) {
        String raw = record.getMessage();
        if (raw == null || !raw.contains(CODE)) {
            return true;
        }
        // The list of components is a parameter of the message.
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : raw;
        for (String line : message.split("\n")) {
            String l = line.strip();
            if (l.startsWith("-") && !(l.contains("OutgoingConnector{") && l.endsWith("has no upstream"))) {
                return true;
            }
        }
        return false;
    }
}
