package io.protect.service.common;

import java.util.List;

/** Hands records to the broker, each with a callback once the broker has it or refused it. */
public interface RecordSender {

    /**
     * Sends the outputs in their order (per channel), calling {@code done} once per output with its
     * index in {@code outputs} and the error, or null once the broker has acknowledged it. Never
     * throws: a failure to send is reported through {@code done}.
     */
    void send(List<Output> outputs, Done done);

    /** The broker's answer for one output. */
    @FunctionalInterface
    interface Done {
        void completed(int index, Exception error);
    }
}
