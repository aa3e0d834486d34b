package ai.mnemo.datasets.probe;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The verdict on one candidate fact, as eval-service writes it (one JSON object per line, fields in this order).
 *
 * @param prediction the base model's answer ({@link FewShotPrompt#answer})
 * @param known whether the dataset's metric accepts it against the gold answer or one of the fact's aliases: a known
 *     fact is dropped from training
 * @param matchedAlias the alias that made the fact known when the gold answer did not; null otherwise, and then left
 *     out of the line, so a verdict without aliases reads as it always did
 */
public record ProbeResult(String id, String question, String answer, String prediction, boolean known,
        @JsonInclude(JsonInclude.Include.NON_NULL) String matchedAlias) {

    /** A verdict reached without an alias. */
    public ProbeResult(String id, String question, String answer, String prediction, boolean known) {
        this(id, question, answer, prediction, known, null);
    }
}
