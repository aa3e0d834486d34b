package ai.mnemo.events.v1;

import java.util.List;

/**
 * Fully resolved training settings of one stage: data-service merges the spec's defaults and overrides, so the
 * trainer never applies a default of its own and a job alone says how it was trained.
 *
 * @param microBatchSize rows per forward/backward pass (gradient accumulation); null: the whole batch at once
 * @param loss {@code answer} (null means the same) or {@code answer-and-padding} (the released code's loss)
 * @param method what the run's method changes in training this stage, or null for plain fine-tuning
 * @param precision {@code fp32} (null means the same), {@code bf16}, {@code mixed} or {@code mixed-fp16}
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
        StageMethod method,
        String precision) {

    public static final String LOSS_ANSWER = "answer";
    public static final String LOSS_ANSWER_AND_PADDING = "answer-and-padding";
    /** FP32 weights, gradients and optimizer state (the default). */
    public static final String PRECISION_FP32 = "fp32";
    /** The paper's pure bf16: bf16 weights, gradients and AdamW state. */
    public static final String PRECISION_BF16 = "bf16";
    /** bf16 weights for compute, an FP32 master copy and FP32 AdamW state. */
    public static final String PRECISION_MIXED = "mixed";
    /** As {@link #PRECISION_MIXED} with fp16 compute and dynamic loss scaling. */
    public static final String PRECISION_MIXED_FP16 = "mixed-fp16";
    /** Every precision name, for the checks of the spec and of the events that carry one. */
    public static final List<String> PRECISIONS = List.of(PRECISION_FP32, PRECISION_BF16, PRECISION_MIXED,
            PRECISION_MIXED_FP16);

    public TrainingSettings {
        Require.present(stopping, "stopping");
    }

    /** Plain fine-tuning of whole batches on the answer tokens. */
    public TrainingSettings(double learningRate, int batchSize, double warmupRatio, double weightDecay,
            double maxGradNorm, long seed, int maxSequenceLength, StoppingRule stopping) {
        this(learningRate, batchSize, warmupRatio, weightDecay, maxGradNorm, seed, maxSequenceLength, stopping, null,
                null, null, null);
    }

    /** These settings with the method's part for this stage (null for none). */
    public TrainingSettings withMethod(StageMethod value) {
        return new TrainingSettings(learningRate, batchSize, warmupRatio, weightDecay, maxGradNorm, seed,
                maxSequenceLength, stopping, microBatchSize, loss, value, precision);
    }
}
