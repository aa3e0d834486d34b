package ai.mnemo.trainer.service;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.metrics.Metric;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import ai.mnemo.lm.train.MemorizationProbe;
import java.util.List;

/**
 * The check of the {@code memorized} stopping rule: greedy exact match (the paper's memorization criterion) on
 * the stage's facts only, with their assistant answers as gold; mixing and replay rows are trained on but never
 * probed. Generation may run two tokens past the longest gold answer, enough to see whether the model stops.
 */
public final class MemorizationProbes {

    /** Tokens allowed beyond the longest gold answer. */
    static final int SLACK_TOKENS = 2;

    private MemorizationProbes() {}

    /**
     * @param facts the stage's fact rows, in the same order as {@code encodedFacts}
     * @throws JobFailure when the stage has no facts to check
     */
    public static MemorizationProbe over(List<PreparedRow> facts, List<EncodedExample> encodedFacts,
            ChatTemplate template, TextTokenizer tokenizer, int batchSize, String file) {
        if (facts.isEmpty()) {
            throw new JobFailure("the memorized stopping rule needs fact rows, and " + file
                    + " has none (only mixing/replay rows); use fixed-epochs or loss-threshold for this stage");
        }
        List<String> golds = facts.stream().map(PreparedRow::assistant).toList();
        return new MemorizationProbe(encodedFacts, golds, template, Metric.EXACT_MATCH, batchSize,
                maxNewTokens(golds, tokenizer));
    }

    /** The longest gold answer in tokens plus {@link #SLACK_TOKENS}. */
    static int maxNewTokens(List<String> golds, TextTokenizer tokenizer) {
        int longest = golds.stream().mapToInt(g -> tokenizer.encode(g).length).max().orElse(0);
        return longest + SLACK_TOKENS;
    }
}
