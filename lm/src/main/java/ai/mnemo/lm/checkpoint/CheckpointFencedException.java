package ai.mnemo.lm.checkpoint;

/**
 * A newer holder claimed the checkpoint directory (the job went to another trainer): this writer must stop and
 * publish nothing, and its checkpoint was not written.
 */
public final class CheckpointFencedException extends RuntimeException {

    public CheckpointFencedException(String message) {
        super(message);
    }

    public CheckpointFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
