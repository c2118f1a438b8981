package io.protect.normalize.mapping;

import io.protect.model.events.AlertEnriched;

/**
 * Maps one source's alerts to an OCSF 1.8.0 event (a generated record such as
 * {@code DetectionFinding}). Implementations are pure: no I/O, no clock, same input same output;
 * they never validate (the stage does) and never drop a source field silently (what they do not
 * map goes to {@code unmapped}).
 */
public interface AlertMapper {

    /** The OCSF event for an alert. */
    Record map(AlertEnriched alert, MappingContext context);
}
