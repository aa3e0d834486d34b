package ai.mnemo.events;

/**
 * A payload could not be read as the expected event type. Unchecked: a consumer usually logs it and moves on (or
 * dead-letters the record); the message says what is wrong and where, e.g.
 * {@code cannot decode TrainingCommand: $.settings.seed: is required}.
 */
public final class EventDecodingException extends RuntimeException {

    private final String path;

    public EventDecodingException(String message, String path, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** JSON path of the offending field ({@code $.settings.seed}), {@code $} for the payload as a whole. */
    public String path() {
        return path;
    }
}
