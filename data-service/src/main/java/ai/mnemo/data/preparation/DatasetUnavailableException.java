package ai.mnemo.data.preparation;

/**
 * A stage's dataset cannot be prepared; {@code field} names the spec field to change (e.g.
 * {@code stages[1].dataset.name}), and the message says what is wrong and what to do.
 */
public final class DatasetUnavailableException extends RuntimeException {

    private final int stageIndex;
    private final String field;

    public DatasetUnavailableException(int stageIndex, String field, String message) {
        super(message);
        this.stageIndex = stageIndex;
        this.field = field;
    }

    public DatasetUnavailableException(int stageIndex, String field, String message, Throwable cause) {
        super(message, cause);
        this.stageIndex = stageIndex;
        this.field = field;
    }

    public int stageIndex() {
        return stageIndex;
    }

    /** The spec field to fix, or null when the problem is not in the spec. */
    public String field() {
        return field;
    }

    /** {@code field: message}, for a RunFailed reason. */
    public String describe() {
        return field == null ? getMessage() : field + ": " + getMessage();
    }
}
