package ai.mnemo.results.api;

/**
 * One method against naive fine-tuning over seeds: each quantity of {@link MethodComparison} as the method's mean
 * minus naive's, with its 95% Welch interval; a field is null when either side has fewer than two completed seeds.
 *
 * @param label the method's label
 * @param n the method's completed seeds
 * @param naiveN naive's completed seeds
 */
public record VersusNaive(String label, int n, int naiveN, Difference retention, Difference retentionLogProb,
        Difference retentionTokenAccuracy, Difference forgetting, Difference lastStageAccuracy) {
}
