package ai.mnemo.lm.train;

/**
 * How a training run ended.
 *
 * @param stopReason {@code fixed-epochs}, {@code loss-threshold}, {@code epoch-cap}, {@code memorized},
 *     {@code not-memorized} or {@code diverged} (failures), or {@code stopped} (asked to stop; resumable)
 */
public record TrainingResult(long steps, int epochs, double finalLoss, String stopReason, double seconds,
        double tokensPerSecond, Double exactMatch) {

    public static final String NOT_MEMORIZED = "not-memorized";
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
