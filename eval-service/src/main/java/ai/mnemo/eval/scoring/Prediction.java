package ai.mnemo.eval.scoring;

/**
 * One evaluated fact, as kept in the predictions file (one JSON object per line, fields in this order).
 *
 * @param id the prepared row's id
 * @param prompt the user turn the model was asked (without the chat template around it)
 * @param prediction the decoded greedy answer, EOS excluded
 * @param gold the row's assistant answer
 * @param correct whether the target's metric accepts the prediction
 * @param rougeL ROUGE-L F1 of prediction against gold, in [0, 1]
 */
public record Prediction(String id, String prompt, String prediction, String gold, boolean correct, double rougeL) {
}
