package ai.mnemo.events.v1;

/**
 * Fully resolved training settings of one stage: data-service merges the spec's defaults and overrides, so the
 * trainer never applies a default of its own and a job alone says how it was trained.
 *
 * @param microBatchSize rows per forward/backward pass (gradient accumulation); null: the whole batch at once
 * @param loss {@code answer} (null means the same) or {@code answer-and-padding} (the released code's loss)
 * @param method what the run's method changes in training this stage, or null for plain fine-tuning
 */
public record TrainingSettings(
        double learningRate,
        int batchSize,
        double warmupRatio,
        double weightDecay,
        double maxGradNorm,
        long seed,
        int maxSequenceLength,
        StoppingRule stopping,
        Integer microBatchSize,
        String loss,
        StageMethod method) {

    public static final String LOSS_ANSWER = "answer";
    public static final String LOSS_ANSWER_AND_PADDING = "answer-and-padding";

    public TrainingSettings {
        Require.present(stopping, "stopping");
    }

    /** Plain fine-tuning of whole batches on the answer tokens. */
    public TrainingSettings(double learningRate, int batchSize, double warmupRatio, double weightDecay,
            double maxGradNorm, long seed, int maxSequenceLength, StoppingRule stopping) {
        this(learningRate, batchSize, warmupRatio, weightDecay, maxGradNorm, seed, maxSequenceLength, stopping, null,
                null, null);
    }

    /** These settings with the method's part for this stage (null for none). */
    public TrainingSettings withMethod(StageMethod value) {
        return new TrainingSettings(learningRate, batchSize, warmupRatio, weightDecay, maxGradNorm, seed,
                maxSequenceLength, stopping, microBatchSize, loss, value);
    }
}
