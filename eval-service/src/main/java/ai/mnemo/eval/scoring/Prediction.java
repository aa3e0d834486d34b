package ai.mnemo.eval.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One evaluated fact, as kept in the predictions file (one JSON object per line, fields in this order).
 *
 * @param id the prepared row's id
 * @param prompt the user turn the model was asked (without the chat template around it)
 * @param prediction the decoded greedy answer, EOS excluded
 * @param gold the row's assistant answer
 * @param correct whether the target's metric accepts the prediction
 * @param rougeL ROUGE-L F1 of prediction against gold, in [0, 1]
 * @param meanLogProb teacher forcing: the mean log-probability of the gold tokens (answer and EOS)
 * @param tokenAccuracy teacher forcing: the share of gold tokens that are the model's argmax
 * @param lens the logit lens: the gold answer's first token's probability at each depth 0..L
 * @param lensTop1 the logit lens: whether that token is the top-1 at each depth
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prediction(String id, String prompt, String prediction, String gold, boolean correct, double rougeL,
        Double meanLogProb, Double tokenAccuracy, List<Double> lens, List<Boolean> lensTop1) {

    /** The first depth at which the gold answer's first token is the lens's top-1, or -1 when it never is. */
    @JsonIgnore
    public int firstTop1Depth() {
        return lensTop1 == null ? -1 : lensTop1.indexOf(Boolean.TRUE);
    }

    /** A prediction scored by generation alone. */
    public Prediction(String id, String prompt, String prediction, String gold, boolean correct, double rougeL) {
        this(id, prompt, prediction, gold, correct, rougeL, null, null, null, null);
    }
}
