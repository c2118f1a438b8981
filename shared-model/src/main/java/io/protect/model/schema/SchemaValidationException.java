package io.protect.model.schema;

import java.util.List;

/** An event that does not match its schema; carries every violation, each with its JSON pointer. */
public class SchemaValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> violations;

    public SchemaValidationException(String subject, List<String> violations) {
        super(subject + " is invalid: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /** Each violation as {@code /json/pointer: message}. */
    public List<String> violations() {
        return violations;
    }
}
