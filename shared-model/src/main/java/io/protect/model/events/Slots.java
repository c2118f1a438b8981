package io.protect.model.events;

/** The fields of a payload while its reader collects them. */
final class Slots {

    private Slots() {
    }

    /** Stores a field's value; true, so that a field reader can return it as "consumed". */
    static boolean set(Object[] values, int i, Object value) {
        values[i] = value;
        return true;
    }
}
