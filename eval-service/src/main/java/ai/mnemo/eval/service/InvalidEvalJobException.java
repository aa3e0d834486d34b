package ai.mnemo.eval.service;

/**
 * An EvalJob that cannot be evaluated as sent. The message names the field or file at fault and what to fix; it
 * becomes the reason of the {@code EvalFailed} event.
 */
public final class InvalidEvalJobException extends RuntimeException {

    public InvalidEvalJobException(String message) {
        super(message);
    }

    public InvalidEvalJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
