package io.protect.model.ocsf;

import java.util.List;

/**
 * The outcome of validating one event against the OCSF schema: valid when there are no violations.
 *
 * @param violations every violation found, in document order
 */
public record ValidationResult(List<Violation> violations) {

    public ValidationResult {
        violations = List.copyOf(violations);
    }

    /** True when the event conforms. */
    public boolean valid() {
        return violations.isEmpty();
    }

    /** The violations one per line, for exception messages and logs. */
    @Override
    public String toString() {
        if (violations.isEmpty()) {
            return "valid";
        }
        StringBuilder sb = new StringBuilder();
        for (Violation v : violations) {
            sb.append(sb.length() == 0 ? "" : "\n").append(v);
        }
        return sb.toString();
    }
}
