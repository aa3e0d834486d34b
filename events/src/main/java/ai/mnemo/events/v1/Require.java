package ai.mnemo.events.v1;

import ai.mnemo.events.MissingFieldException;
import java.time.Instant;
import java.util.List;

/** Null checks for the records' constructors, naming the field so a decoder can point at it. */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new MissingFieldException(field);
        }
        return value;
    }

    /** An immutable copy of a required list whose entries are all present. */
    static <T> List<T> list(List<T> values, String field) {
        present(values, field);
        for (int i = 0; i < values.size(); i++) {
            present(values.get(i), field + "[" + i + "]");
        }
        return List.copyOf(values);
    }

    /** Stage indices on the wire: an experiment has at most this many stages (SpecLimits cannot raise it). */
    static final int MAX_STAGES = 1000;

    /** A stage index in range; null passes (where the field is optional). */
    static void stageIndex(Integer value, String field) {
        if (value != null && (value < 0 || value >= MAX_STAGES)) {
            throw new IllegalArgumentException(field + " must be between 0 and " + (MAX_STAGES - 1) + " (was "
                    + value + ")");
        }
    }

    static void nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative (was " + value + ")");
        }
    }

    /** The fields every event must have; {@code experimentId} is optional only for ExperimentRejected. */
    static void envelope(String eventId, Instant occurredAt, String experimentId) {
        present(eventId, "eventId");
        present(occurredAt, "occurredAt");
        present(experimentId, "experimentId");
    }
}
