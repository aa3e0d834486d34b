package ai.mnemo.lm.train;

/** Observes a training run (progress events, metrics, logs) and may ask it to stop after the current step. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {};

    default void onStep(StepReport report) {}

    default void onEpoch(EpochReport report) {}

    /** Checked after every step; true stops the run with a resumable checkpoint and reason {@code stopped}. */
    default boolean stopRequested() {
        return false;
    }

    /**
     * @param loss the cross-entropy on the stage's rows (what the stopping rules read)
     * @param penalty the method's penalty terms added to the loss (KL, EWC), 0 without them
     * @param tokensPerSecond of this step alone
     */
    record StepReport(long step, int epoch, double loss, double penalty, double learningRate, double gradientNorm,
            long tokens, double tokensPerSecond, long plannedSteps) {}

    /**
     * @param epoch epochs completed (1 after the first)
     * @param meanLoss mean step loss (cross-entropy) over the epoch
     * @param meanPenalty mean step penalty over the epoch (0 without penalty terms)
     * @param exactMatch greedy exact match on the stage's facts, or null when the rule did not check it
     * @param tokens tokens trained on in this epoch
     * @param seconds time spent in this epoch's steps (the exact-match check excluded)
     */
    record EpochReport(int epoch, long step, double meanLoss, double meanPenalty, Double exactMatch, long tokens,
            double seconds) {

        public double tokensPerSecond() {
            return seconds > 0 ? tokens / seconds : 0;
        }
    }
}
