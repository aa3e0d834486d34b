package ai.mnemo.events.v1;

/**
 * Fully resolved training settings of one stage: data-service merges the spec's defaults and overrides, so the
 * trainer never applies a default of its own and a job alone says how it was trained.
 */
public record TrainingSettings(
        double learningRate,
        int batchSize,
        double warmupRatio,
        double weightDecay,
        double maxGradNorm,
        long seed,
        int maxSequenceLength,
        StoppingRule stopping) {

    public TrainingSettings {
        Require.present(stopping, "stopping");
    }
}
