package ai.mnemo.events;

/**
 * A required field of an event or value record is null. Thrown by the records' constructors, so a producer fails
 * where it builds a bad event, and the decoder can name the missing field in its JSON path.
 */
public final class MissingFieldException extends IllegalArgumentException {

    private final String field;

    public MissingFieldException(String field) {
        super("missing required field '" + field + "'");
        this.field = field;
    }

    /** The field's name relative to the record that rejected it, e.g. {@code runId} or {@code runIds[2]}. */
    public String field() {
        return field;
    }
}
