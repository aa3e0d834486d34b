package ai.mnemo.lm.train;

/**
 * Everything the training loop needs besides the model and the data. Defaults follow PAPER.md: AdamW
 * (0.9, 0.95, 1e-8), no weight decay, clipping at 1.0, 5% warmup, lr 5e-5, batch 32, seed 0.
 *
 * @param checkpointEveryEpochs save a resumable checkpoint every this many epochs (0: only at the end)
 * @param constantLearningRate skip warmup and decay (benchmarks)
 */
public record TrainingOptions(
        double learningRate,
        int batchSize,
        double warmupRatio,
        double weightDecay,
        double maxGradNorm,
        double beta1,
        double beta2,
        double epsilon,
        long seed,
        StoppingRule stopping,
        int checkpointEveryEpochs,
        boolean constantLearningRate) {

    public TrainingOptions {
        if (learningRate <= 0 || batchSize <= 0 || warmupRatio < 0 || warmupRatio >= 1 || weightDecay < 0) {
            throw new IllegalArgumentException("invalid training options: lr " + learningRate + ", batch "
                    + batchSize + ", warmup " + warmupRatio + ", weight decay " + weightDecay);
        }
    }

    public static TrainingOptions paper(StoppingRule stopping) {
        return new TrainingOptions(5e-5, 32, 0.05, 0.0, 1.0, 0.9, 0.95, 1e-8, 0, stopping, 1, false);
    }

    public TrainingOptions withLearningRate(double value) {
        return new TrainingOptions(value, batchSize, warmupRatio, weightDecay, maxGradNorm, beta1, beta2, epsilon,
                seed, stopping, checkpointEveryEpochs, constantLearningRate);
    }

    public TrainingOptions withBatchSize(int value) {
        return new TrainingOptions(learningRate, value, warmupRatio, weightDecay, maxGradNorm, beta1, beta2,
                epsilon, seed, stopping, checkpointEveryEpochs, constantLearningRate);
    }

    public TrainingOptions withWeightDecay(double value) {
        return new TrainingOptions(learningRate, batchSize, warmupRatio, value, maxGradNorm, beta1, beta2, epsilon,
                seed, stopping, checkpointEveryEpochs, constantLearningRate);
    }

    public TrainingOptions withSeed(long value) {
        return new TrainingOptions(learningRate, batchSize, warmupRatio, weightDecay, maxGradNorm, beta1, beta2,
                epsilon, value, stopping, checkpointEveryEpochs, constantLearningRate);
    }

    public TrainingOptions withWarmupRatio(double value) {
        return new TrainingOptions(learningRate, batchSize, value, weightDecay, maxGradNorm, beta1, beta2, epsilon,
                seed, stopping, checkpointEveryEpochs, constantLearningRate);
    }

    public TrainingOptions withCheckpointEveryEpochs(int value) {
        return new TrainingOptions(learningRate, batchSize, warmupRatio, weightDecay, maxGradNorm, beta1, beta2,
                epsilon, seed, stopping, value, constantLearningRate);
    }

    public TrainingOptions withConstantLearningRate() {
        return new TrainingOptions(learningRate, batchSize, warmupRatio, weightDecay, maxGradNorm, beta1, beta2,
                epsilon, seed, stopping, checkpointEveryEpochs, true);
    }
}
