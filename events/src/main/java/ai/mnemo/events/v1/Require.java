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

    /** The fields every event must have; {@code experimentId} is optional only for ExperimentRejected. */
    static void envelope(String eventId, Instant occurredAt, String experimentId) {
        present(eventId, "eventId");
        present(occurredAt, "occurredAt");
        present(experimentId, "experimentId");
    }
}
