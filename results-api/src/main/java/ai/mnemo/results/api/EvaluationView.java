package ai.mnemo.results.api;

import ai.mnemo.events.v1.LogitLens;

/**
 * The score of a stage's checkpoint on one dataset (the dataset of stage {@code datasetStageIndex}). Scores are
 * null while the evaluation is pending.
 *
 * @param accuracy correct / count, 0..1
 * @param rougeL mean ROUGE-L F1, 0..1
 * @param meanLogProb teacher forcing: the mean over facts of the gold tokens' mean log-probability
 * @param tokenAccuracy teacher forcing: the mean over facts of the share of gold tokens that are the argmax
 * @param logitLens by depth, or null when the evaluation reported none
 */
public record EvaluationView(
        int datasetStageIndex,
        String dataset,
        String metric,
        Integer count,
        Integer correct,
        Double accuracy,
        Double rougeL,
        String predictionsUri,
        Double meanLogProb,
        Double tokenAccuracy,
        LogitLens logitLens) {
}
