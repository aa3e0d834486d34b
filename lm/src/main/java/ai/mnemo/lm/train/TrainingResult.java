package ai.mnemo.lm.train;

import ai.mnemo.events.v1.StoppingRule;

/**
 * How a training run ended.
 *
 * @param stopReason {@code fixed-epochs}, {@code loss-threshold}, {@code epoch-cap}, {@code memorized},
 *     {@code not-memorized} or {@code diverged} (failures), or {@code stopped} (asked to stop; resumable)
 */
public record TrainingResult(long steps, int epochs, double finalLoss, String stopReason, double seconds,
        double tokensPerSecond, Double exactMatch) {

    // The rules' own names, as the spec and the events spell them.
    public static final String FIXED_EPOCHS = StoppingRule.FIXED_EPOCHS;
    public static final String LOSS_THRESHOLD = StoppingRule.LOSS_THRESHOLD;
    public static final String MEMORIZED = StoppingRule.MEMORIZED;
    /** A loss-threshold run that reached its epoch cap first. */
    public static final String EPOCH_CAP = "epoch-cap";
    public static final String NOT_MEMORIZED = "not-memorized";
    /** Asked to stop (a shutdown): resumable, neither done nor failed. */
    public static final String STOPPED = "stopped";
    /** The loss or the gradient norm became non-finite; the weights are those before that step. */
    public static final String DIVERGED = "diverged";

    public boolean failed() {
        return isFailure(stopReason);
    }

    /** Whether a stop reason (also one read back from a checkpoint) means the stage failed. */
    public static boolean isFailure(String stopReason) {
        return NOT_MEMORIZED.equals(stopReason) || DIVERGED.equals(stopReason);
    }
}
