package ai.mnemo.eval.scoring;

import java.util.List;

/**
 * How many new tokens a generation may take: the asked cap, but never past the model's positions after the longest
 * prompt. A default cap (1000 for non-factoid sets, the paper's) must not fail an evaluation after hours of training
 * because a model has fewer positions than the paper's; only a prompt that leaves no room at all is refused.
 */
final class GenerationCap {

    private GenerationCap() {
    }

    /**
     * @throws IllegalArgumentException when the longest prompt leaves no position for a new token
     */
    static int fit(int maxNewTokens, List<int[]> prompts, int maxPositions) {
        int longest = prompts.stream().mapToInt(p -> p.length).max().orElse(0);
        if (longest >= maxPositions) {
            throw new IllegalArgumentException("a prompt of " + longest + " tokens leaves no room for an answer in "
                    + "the model's max_position_embeddings (" + maxPositions + "); shorten the question");
        }
        return Math.min(maxNewTokens, maxPositions - longest);
    }
}
