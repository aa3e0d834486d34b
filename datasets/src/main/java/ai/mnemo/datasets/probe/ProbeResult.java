package ai.mnemo.datasets.probe;

/**
 * The verdict on one candidate fact, as eval-service writes it (one JSON object per line, fields in this order).
 *
 * @param prediction the base model's answer ({@link FewShotPrompt#answer})
 * @param known whether the dataset's metric accepts it: a known fact is dropped from training
 */
public record ProbeResult(String id, String question, String answer, String prediction, boolean known) {
}
