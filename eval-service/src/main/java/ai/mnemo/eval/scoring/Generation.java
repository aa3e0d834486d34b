package ai.mnemo.eval.scoring;

import java.util.List;

/**
 * Greedy answers to user turns. The model-backed implementation is {@link ModelGeneration}; scoring depends only
 * on this interface, so it is tested with a scripted one.
 */
@FunctionalInterface
public interface Generation {

    /**
     * The decoded answer to every user turn, in the given order, each at most {@code maxNewTokens} tokens long and
     * without the end-of-sequence token.
     */
    List<String> answers(List<String> users, int maxNewTokens);
}
