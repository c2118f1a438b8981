package io.protect.service.common;

import java.util.List;
import java.util.Objects;

/** What became of one record of a poll in a stage's hands. */
public sealed interface Outcome {

    /** The record's outputs, to be produced; the record is done once the broker has them all. */
    record Produce(List<Output> outputs) implements Outcome {
        public Produce {
            outputs = List.copyOf(outputs);
        }
    }

    /** The record is done with nothing to produce (the store wrote it to its database). */
    record Done() implements Outcome {
    }

    /**
     * The record failed. Permanent failures ({@link StageRunner#isPermanent}) are dead-lettered at
     * once; others are attempted again, with backoff, until the retry budget is spent.
     */
    record Failed(Throwable error) implements Outcome {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    Done DONE = new Done();

    static Outcome produce(Output... outputs) {
        return new Produce(List.of(outputs));
    }

    static Outcome done() {
        return DONE;
    }

    static Outcome failed(Throwable error) {
        return new Failed(error);
    }
}
