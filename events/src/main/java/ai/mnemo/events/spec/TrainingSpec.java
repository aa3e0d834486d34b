package ai.mnemo.events.spec;

import ai.mnemo.events.v1.StoppingRule;
import ai.mnemo.events.v1.TrainingSettings;

/**
 * Training settings as written, at experiment level or as one stage's overrides. Any key may be absent; a stage's
 * keys win over the experiment's, which win over {@link SpecDefaults#TRAINING}, key by key (also inside
 * {@code stopping}).
 *
 * @param microBatchSize rows per forward/backward pass; a larger batch is accumulated over several (default: the
 *     whole batch at once)
 * @param loss {@code answer} (default) or {@code answer-and-padding}, the released code's loss
 * @param precision {@code fp32} (default), {@code bf16} (bf16 weights and optimizer state), {@code mixed} (bf16
 *     compute, FP32 master weights and optimizer state) or {@code mixed-fp16} (the same with fp16 compute and
 *     dynamic loss scaling)
 */
public record TrainingSpec(
        Double learningRate,
        Integer batchSize,
        Double warmupRatio,
        Double weightDecay,
        Double maxGradNorm,
        Integer maxSequenceLength,
        StoppingSpec stopping,
        Integer microBatchSize,
        String loss,
        String precision) {

    static final TrainingSpec EMPTY = new TrainingSpec(null, null, null, null, null, null, null, null, null, null);

    /**
     * The settings a stage trains with: {@code stageOverride} over {@code experimentLevel} over the defaults; both
     * may be null. Every key is set afterwards, but {@code stopping.rule} may still be {@code auto}: choosing the
     * paper's rule for D_A's dataset needs the dataset catalogue, so data-service does it (see
     * {@link StoppingSpec#withRule(String)}).
     */
    public static TrainingSpec resolve(TrainingSpec stageOverride, TrainingSpec experimentLevel) {
        TrainingSpec experiment = SpecDefaults.or(experimentLevel, EMPTY).over(SpecDefaults.TRAINING);
        return SpecDefaults.or(stageOverride, EMPTY).over(experiment);
    }

    /** This block's keys, falling back to {@code base} for each absent one. */
    public TrainingSpec over(TrainingSpec base) {
        if (base == null) {
            return this;
        }
        return new TrainingSpec(
                SpecDefaults.or(learningRate, base.learningRate),
                SpecDefaults.or(batchSize, base.batchSize),
                SpecDefaults.or(warmupRatio, base.warmupRatio),
                SpecDefaults.or(weightDecay, base.weightDecay),
                SpecDefaults.or(maxGradNorm, base.maxGradNorm),
                SpecDefaults.or(maxSequenceLength, base.maxSequenceLength),
                stopping == null ? base.stopping : stopping.over(base.stopping),
                SpecDefaults.or(microBatchSize, base.microBatchSize),
                SpecDefaults.or(loss, base.loss),
                SpecDefaults.or(precision, base.precision));
    }

    /** This block with another learning rate and batch size where given (a cell of the grid; null keeps). */
    public TrainingSpec withGridValues(Double gridLearningRate, Integer gridBatchSize) {
        return new TrainingSpec(SpecDefaults.or(gridLearningRate, learningRate), SpecDefaults.or(gridBatchSize,
                batchSize), warmupRatio, weightDecay, maxGradNorm, maxSequenceLength, stopping, microBatchSize, loss,
                precision);
    }

    /**
     * The wire form of a resolved block, with the run's seed and the concrete stopping rule.
     *
     * @throws IllegalStateException if a key is still absent (call {@link #resolve} first)
     */
    public TrainingSettings toSettings(long seed, StoppingRule stoppingRule) {
        if (learningRate == null || batchSize == null || warmupRatio == null || weightDecay == null
                || maxGradNorm == null || maxSequenceLength == null) {
            throw new IllegalStateException("training settings are not resolved: " + this);
        }
        return new TrainingSettings(learningRate, batchSize, warmupRatio, weightDecay, maxGradNorm, seed,
                maxSequenceLength, stoppingRule, microBatchSize, loss, null, precision);
    }
}
