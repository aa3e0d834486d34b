package ai.mnemo.events.v1;

/**
 * The score of one checkpoint on one stage's dataset: {@code correct} of {@code count} rows by {@code metric}
 * (so {@code accuracy = correct / count}), the mean ROUGE-L, and where the per-row predictions were written. Below
 * exact match, teacher forcing on the gold answer tells how much of it is left: the mean log-probability of its
 * tokens (answer and EOS) and the share of them that are the model's argmax, each averaged over facts; and the
 * logit lens says at which depth the answer's first token appears.
 *
 * @param meanLogProb mean over facts of the mean log-probability of the gold tokens; null from older producers
 * @param tokenAccuracy mean over facts of the share of gold tokens that are the argmax; null from older producers
 * @param logitLens null from older producers
 */
public record EvalResult(
        int datasetStageIndex,
        String dataset,
        String metric,
        int count,
        int correct,
        double accuracy,
        double rougeL,
        String predictionsUri,
        Double meanLogProb,
        Double tokenAccuracy,
        LogitLens logitLens) {

    public EvalResult {
        Require.stageIndex(datasetStageIndex, "datasetStageIndex");
        Require.present(dataset, "dataset");
        Require.present(metric, "metric");
        Require.present(predictionsUri, "predictionsUri");
    }

    /** A result with exact-match-level scores only. */
    public EvalResult(int datasetStageIndex, String dataset, String metric, int count, int correct, double accuracy,
            double rougeL, String predictionsUri) {
        this(datasetStageIndex, dataset, metric, count, correct, accuracy, rougeL, predictionsUri, null, null, null);
    }
}
