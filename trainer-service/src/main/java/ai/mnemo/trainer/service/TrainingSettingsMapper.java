package ai.mnemo.trainer.service;

import ai.mnemo.events.v1.TrainingSettings;
import ai.mnemo.lm.config.Precision;
import ai.mnemo.lm.train.StoppingRule;
import ai.mnemo.lm.train.TrainingOptions;

/**
 * Turns a job's fully resolved {@link TrainingSettings} into lm's {@link TrainingOptions}. The optimizer constants
 * the wire format does not carry are the paper's: AdamW betas (0.9, 0.95), epsilon 1e-8.
 */
public final class TrainingSettingsMapper {

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.95;
    public static final double EPSILON = 1e-8;

    private TrainingSettingsMapper() {}

    /**
     * @param checkpointEveryEpochs the worker's checkpoint interval (0: only at the end)
     * @throws JobFailure when a value is out of range or the stopping rule is unknown
     */
    public static TrainingOptions options(TrainingSettings settings, int checkpointEveryEpochs) {
        StoppingRule stopping = stopping(settings.stopping());
        try {
            return TrainingOptions.builder(stopping)
                    .optLearningRate(settings.learningRate())
                    .optBatchSize(settings.batchSize())
                    .optWarmupRatio(settings.warmupRatio())
                    .optWeightDecay(settings.weightDecay())
                    .optMaxGradNorm(settings.maxGradNorm())
                    .optAdam(BETA1, BETA2, EPSILON)
                    .optSeed(settings.seed())
                    .optMicroBatchSize(settings.microBatchSize() == null ? 0 : settings.microBatchSize())
                    .optLossPositions(lossPositions(settings.loss()))
                    .optCheckpointEveryEpochs(checkpointEveryEpochs)
                    .optPrecision(precision(settings.precision()))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new JobFailure("invalid training settings: " + e.getMessage(), e);
        }
    }

    /** The wire's {@code loss} as the positions lm's loss averages over. */
    static TrainingOptions.LossPositions lossPositions(String loss) {
        if (loss == null || TrainingSettings.LOSS_ANSWER.equals(loss)) {
            return TrainingOptions.LossPositions.ANSWER;
        }
        if (TrainingSettings.LOSS_ANSWER_AND_PADDING.equals(loss)) {
            return TrainingOptions.LossPositions.ANSWER_AND_PADDING;
        }
        throw new JobFailure("unknown loss '" + loss + "' (known: " + TrainingSettings.LOSS_ANSWER + ", "
                + TrainingSettings.LOSS_ANSWER_AND_PADDING + ")");
    }

    /** The wire's {@code precision} (null: fp32) as lm's. */
    public static Precision precision(String precision) {
        try {
            return Precision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw new JobFailure(e.getMessage(), e);
        }
    }

    /** The wire rule ({@code fixed-epochs}, {@code loss-threshold}, {@code memorized}) as lm's stopping rule. */
    public static StoppingRule stopping(ai.mnemo.events.v1.StoppingRule rule) {
        try {
            return switch (rule.rule()) {
                case ai.mnemo.events.v1.StoppingRule.FIXED_EPOCHS -> new StoppingRule.FixedEpochs(rule.epochs());
                case ai.mnemo.events.v1.StoppingRule.LOSS_THRESHOLD ->
                        new StoppingRule.LossThreshold(rule.lossThreshold(), rule.lossSteps(), rule.epochs());
                case ai.mnemo.events.v1.StoppingRule.MEMORIZED -> new StoppingRule.Memorized(rule.epochs());
                default -> throw new JobFailure("unknown stopping rule '" + rule.rule() + "' (known: "
                        + ai.mnemo.events.v1.StoppingRule.FIXED_EPOCHS + ", "
                        + ai.mnemo.events.v1.StoppingRule.LOSS_THRESHOLD + ", "
                        + ai.mnemo.events.v1.StoppingRule.MEMORIZED + ")");
            };
        } catch (IllegalArgumentException e) {
            throw new JobFailure("invalid stopping rule " + rule.rule() + " (epochs " + rule.epochs()
                    + ", lossSteps " + rule.lossSteps() + "): " + e.getMessage(), e);
        }
    }
}
