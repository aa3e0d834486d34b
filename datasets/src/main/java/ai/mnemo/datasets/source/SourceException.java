package ai.mnemo.datasets.source;

/**
 * A local dataset export that cannot be used as it is: a missing file, an unsupported file type, a column that is
 * not there, a row that does not parse. The message names the file (and the column or row) and says what to fix;
 * services turn it into a DatasetFailed / RunFailed reason.
 */
public final class SourceException extends RuntimeException {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
