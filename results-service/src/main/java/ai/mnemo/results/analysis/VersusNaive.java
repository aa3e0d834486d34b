package ai.mnemo.results.analysis;

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

    static VersusNaive of(MethodComparison method, MethodComparison naive) {
        return new VersusNaive(method.label(), method.n(), naive.n(),
                Difference.of(method.retention(), naive.retention()),
                Difference.of(method.retentionLogProb(), naive.retentionLogProb()),
                Difference.of(method.retentionTokenAccuracy(), naive.retentionTokenAccuracy()),
                Difference.of(method.forgetting(), naive.forgetting()),
                Difference.of(method.lastStageAccuracy(), naive.lastStageAccuracy()));
    }
}
