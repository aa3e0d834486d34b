package ai.mnemo.events.v1;

import java.util.List;

/**
 * The logit lens of one checkpoint on one target's facts: at the last prompt position, the residual stream after
 * the embedding (depth 0) and after each layer (depth l) is put through the final norm and the LM head, and read
 * for the gold answer's first token. Every list has one entry per depth 0..L.
 *
 * @param meanProbability the mean over facts of the gold token's probability
 * @param top1Rate the share of facts whose gold token is the top-1 at that depth
 * @param firstTop1 how many facts have their gold token at top-1 first at that depth
 * @param neverTop1 facts whose gold token is the top-1 at no depth
 */
public record LogitLens(List<Double> meanProbability, List<Double> top1Rate, List<Integer> firstTop1,
        int neverTop1) {

    public LogitLens {
        meanProbability = Require.list(meanProbability, "logitLens.meanProbability");
        top1Rate = Require.list(top1Rate, "logitLens.top1Rate");
        firstTop1 = Require.list(firstTop1, "logitLens.firstTop1");
    }
}
