package ai.mnemo.results.api;

import java.util.List;

/**
 * One run's retention matrix: row i is the checkpoint after stage i, column j the dataset of stage j. A cell is
 * null where that checkpoint was not (or not yet) scored on that dataset, always above the diagonal (j > i).
 *
 * @param datasets the dataset of each stage, the columns ({@code kvr:A}, {@code kvr:B})
 * @param metrics the metric each column is scored by ({@code exact-match} for KVR); null while unknown
 * @param accuracy [stage][dataset], 0..1: correct / count by the column's metric
 * @param rougeL [stage][dataset], 0..1: mean ROUGE-L F1
 * @param logProb [stage][dataset]: teacher forcing, the mean over facts of the gold tokens' mean log-probability
 * @param tokenAccuracy [stage][dataset], 0..1: teacher forcing, the mean share of gold tokens that are the argmax
 */
public record RunRetention(
        String runId,
        String label,
        String method,
        Double mixRatio,
        Long seed,
        String status,
        List<String> datasets,
        List<String> metrics,
        List<List<Double>> accuracy,
        List<List<Double>> rougeL,
        List<List<Double>> logProb,
        List<List<Double>> tokenAccuracy) {
}
