package ai.mnemo.results.api;

import java.util.List;

/**
 * One method (with its mix ratio, mixing source or replay fraction: one label) over its seeds. Only completed runs
 * enter the statistics; failed runs are counted and listed, runs still going are counted as pending.
 *
 * @param label the method part of the run labels, e.g. {@code remix(random-words x2)}
 * @param n completed runs (seeds) behind the statistics
 * @param retention accuracy on the first stage's dataset (D_A) after the last stage
 * @param retentionLogProb teacher forcing on D_A after the last stage: the gold tokens' mean log-probability
 * @param retentionTokenAccuracy teacher forcing on D_A after the last stage: the share of gold tokens that are the
 *     argmax
 * @param forgetting accuracy on D_A after the first stage minus retention; null with a single stage
 * @param lastStageAccuracy accuracy on the last stage's own dataset (D_B) after the last stage; null with a single
 *     stage
 * @param stepsPerStage optimizer steps of stage 0, 1, ...
 * @param runs the per-seed values behind the statistics, by seed
 * @param cost device-seconds: the sum over every run and the mean over completed seeds
 */
public record MethodComparison(
        String label,
        String method,
        Double mixRatio,
        int n,
        List<Long> seeds,
        Spread retention,
        Spread retentionLogProb,
        Spread retentionTokenAccuracy,
        Spread forgetting,
        Spread lastStageAccuracy,
        List<Spread> stepsPerStage,
        int failed,
        List<FailedRun> failedRuns,
        int pending,
        List<RunScore> runs,
        MethodCost cost) {

    /** Without a cost. */
    public MethodComparison(String label, String method, Double mixRatio, int n, List<Long> seeds, Spread retention,
            Spread retentionLogProb, Spread retentionTokenAccuracy, Spread forgetting, Spread lastStageAccuracy,
            List<Spread> stepsPerStage, int failed, List<FailedRun> failedRuns, int pending, List<RunScore> runs) {
        this(label, method, mixRatio, n, seeds, retention, retentionLogProb, retentionTokenAccuracy, forgetting,
                lastStageAccuracy, stepsPerStage, failed, failedRuns, pending, runs, null);
    }

    /** The values of one completed run; null where the cell was never evaluated. */
    public record RunScore(String runId, String label, Long seed, Double retention, Double retentionLogProb,
            Double retentionTokenAccuracy, Double forgetting, Double lastStageAccuracy, List<Long> steps) {
    }

    /** A run left out of the statistics because it failed, with why and where. */
    public record FailedRun(String runId, String label, Long seed, String reason, Integer stageIndex) {
    }
}
