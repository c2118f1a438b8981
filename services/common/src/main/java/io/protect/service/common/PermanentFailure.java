package io.protect.service.common;

/**
 * A failure that retrying cannot cure (the input itself is wrong): the record is dead-lettered at
 * once instead of being attempted again.
 */
public class PermanentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
