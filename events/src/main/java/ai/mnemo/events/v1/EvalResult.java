package ai.mnemo.events.v1;

/**
 * The score of one checkpoint on one stage's dataset: {@code correct} of {@code count} rows by {@code metric}
 * (so {@code accuracy = correct / count}), the mean ROUGE-L, and where the per-row predictions were written.
 */
public record EvalResult(
        int datasetStageIndex,
        String dataset,
        String metric,
        int count,
        int correct,
        double accuracy,
        double rougeL,
        String predictionsUri) {

    public EvalResult {
        Require.present(dataset, "dataset");
        Require.present(metric, "metric");
        Require.present(predictionsUri, "predictionsUri");
    }
}
