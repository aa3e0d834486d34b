package ai.mnemo.trainer.service;

/**
 * A job that cannot be trained as given: its message becomes the reason of the TrainingFailed event, so it says
 * what is wrong (which file, which row, which setting) and, where it can, what to change.
 */
public class JobFailure extends RuntimeException {

    public JobFailure(String message) {
        super(message);
    }

    public JobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
