package ai.mnemo.results.messaging;

/**
 * The application stopped while an event was being stored. The only exception a handler lets escape: the record is
 * then not acknowledged, its offset not committed, and it is read again when the service is back.
 */
final class ShuttingDownException extends RuntimeException {

    ShuttingDownException(String message, Throwable cause) {
        super("stopped before storing " + message, cause);
    }
}
