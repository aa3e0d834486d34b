package ai.mnemo.eval.service;

/**
 * A ProbeJob that cannot be run as sent. The message names the field or file at fault and what to fix; it becomes
 * the reason of the {@code EvalFailed} event (which carries the probe's id).
 */
public final class InvalidProbeJobException extends RuntimeException {

    public InvalidProbeJobException(String message) {
        super(message);
    }

    public InvalidProbeJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
