package ai.mnemo.lm.train;

import ai.mnemo.lm.config.Precision;

/**
 * Everything the training loop needs besides the model, the data and the objective. Defaults follow PAPER.md: AdamW
 * (0.9, 0.95, 1e-8), no weight decay, clipping at 1.0, 5% warmup, lr 5e-5, batch 32, seed 0. Build one with
 * {@link #builder(StoppingRule)}.
 *
 * @param microBatchSize rows per forward/backward pass; a batch of more rows is taken in several passes whose
 *     gradients add up to the batch's (gradient accumulation); equal to {@code batchSize} when not set
 * @param lossPositions which positions the loss averages over
 * @param checkpointEveryEpochs save a resumable checkpoint every this many epochs (0: only at the end)
 * @param checkpointCadence also save within epochs, every so many steps or seconds
 * @param constantLearningRate skip warmup and decay (benchmarks)
 * @param precision how weights, gradients and optimizer state are stored (FP32 unless set)
 */
public record TrainingOptions(
        double learningRate,
        int batchSize,
        int microBatchSize,
        double warmupRatio,
        double weightDecay,
        double maxGradNorm,
        double beta1,
        double beta2,
        double epsilon,
        long seed,
        StoppingRule stopping,
        LossPositions lossPositions,
        int checkpointEveryEpochs,
        CheckpointCadence checkpointCadence,
        boolean constantLearningRate,
        Precision precision) {

    public TrainingOptions {
        if (!(learningRate > 0) || batchSize <= 0 || microBatchSize <= 0 || microBatchSize > batchSize
                || !(warmupRatio >= 0 && warmupRatio < 1) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("invalid training options: lr " + learningRate + ", batch "
                    + batchSize + ", micro-batch " + microBatchSize + ", warmup " + warmupRatio + ", weight decay "
                    + weightDecay);
        }
        if (stopping == null || lossPositions == null || precision == null || checkpointCadence == null) {
            throw new IllegalArgumentException("training options need a stopping rule, loss positions, a precision"
                    + " and a checkpoint cadence");
        }
    }

    /** The paper's settings with the given stopping rule. */
    public static TrainingOptions paper(StoppingRule stopping) {
        return builder(stopping).build();
    }

    public static Builder builder(StoppingRule stopping) {
        return new Builder(stopping);
    }

    /** A builder holding these options, to change a few. */
    public Builder toBuilder() {
        Builder b = new Builder(stopping);
        b.learningRate = learningRate;
        b.batchSize = batchSize;
        b.microBatchSize = microBatchSize == batchSize ? 0 : microBatchSize;
        b.warmupRatio = warmupRatio;
        b.weightDecay = weightDecay;
        b.maxGradNorm = maxGradNorm;
        b.beta1 = beta1;
        b.beta2 = beta2;
        b.epsilon = epsilon;
        b.seed = seed;
        b.lossPositions = lossPositions;
        b.checkpointEveryEpochs = checkpointEveryEpochs;
        b.checkpointCadence = checkpointCadence;
        b.constantLearningRate = constantLearningRate;
        b.precision = precision;
        return b;
    }

    /** Which positions of a batch the loss averages over. */
    public enum LossPositions {
        /** The assistant span (answer + EOS) of every row: the paper's "loss only on the assistant span". */
        ANSWER,
        /**
         * The released code's loss: every row is padded with EOS to the stage's longest row and the padding
         * positions are scored too (target EOS), so the mean also covers easy padding predictions.
         */
        ANSWER_AND_PADDING
    }

    /** Optional settings default to the paper's; {@code build()} validates. */
    public static final class Builder {
        private final StoppingRule stopping;
        private double learningRate = 5e-5;
        private int batchSize = 32;
        private int microBatchSize; // 0: the batch size
        private double warmupRatio = 0.05;
        private double weightDecay;
        private double maxGradNorm = 1.0;
        private double beta1 = 0.9;
        private double beta2 = 0.95;
        private double epsilon = 1e-8;
        private long seed;
        private LossPositions lossPositions = LossPositions.ANSWER;
        private int checkpointEveryEpochs = 1;
        private CheckpointCadence checkpointCadence = CheckpointCadence.DEFAULT;
        private boolean constantLearningRate;
        private Precision precision = Precision.FP32;

        private Builder(StoppingRule stopping) {
            this.stopping = stopping;
        }

        public Builder optLearningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder optBatchSize(int value) {
            batchSize = value;
            return this;
        }

        /** 0 (the default) takes each batch in one pass. */
        public Builder optMicroBatchSize(int value) {
            microBatchSize = value;
            return this;
        }

        public Builder optWarmupRatio(double value) {
            warmupRatio = value;
            return this;
        }

        public Builder optWeightDecay(double value) {
            weightDecay = value;
            return this;
        }

        public Builder optMaxGradNorm(double value) {
            maxGradNorm = value;
            return this;
        }

        public Builder optAdam(double b1, double b2, double eps) {
            beta1 = b1;
            beta2 = b2;
            epsilon = eps;
            return this;
        }

        public Builder optSeed(long value) {
            seed = value;
            return this;
        }

        public Builder optLossPositions(LossPositions value) {
            lossPositions = value;
            return this;
        }

        public Builder optCheckpointEveryEpochs(int value) {
            checkpointEveryEpochs = value;
            return this;
        }

        public Builder optCheckpointCadence(CheckpointCadence value) {
            checkpointCadence = value;
            return this;
        }

        public Builder optConstantLearningRate() {
            constantLearningRate = true;
            return this;
        }

        public Builder optPrecision(Precision value) {
            precision = value;
            return this;
        }

        public TrainingOptions build() {
            return new TrainingOptions(learningRate, batchSize, microBatchSize == 0 ? batchSize : microBatchSize,
                    warmupRatio, weightDecay, maxGradNorm, beta1, beta2, epsilon, seed, stopping, lossPositions,
                    checkpointEveryEpochs, checkpointCadence, constantLearningRate, precision);
        }
    }
}
