package io.protect.model.ocsf;

/**
 * One way an event breaks the OCSF schema.
 *
 * @param path a JSON pointer to the offending value, e.g. {@code /metadata/product} or
 *     {@code /observables/0/type_id}; the empty string is the event itself
 * @param message what is wrong, e.g. {@code required attribute is missing}
 */
public record Violation(String path, String message) {

    /** Renders {@code path: message}, the form used in logs and dead-letter reasons. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
