package ai.mnemo.results.mapping;

/**
 * The score of a stage's checkpoint on one dataset (the dataset of stage {@code datasetStageIndex}). Scores are
 * null while the evaluation is pending.
 *
 * @param accuracy correct / count, 0..1
 * @param rougeL mean ROUGE-L F1, 0..1
 */
public record EvaluationView(
        int datasetStageIndex,
        String dataset,
        String metric,
        Integer count,
        Integer correct,
        Double accuracy,
        Double rougeL,
        String predictionsUri) {
}
