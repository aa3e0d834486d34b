package ai.mnemo.eval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How an evaluator instance runs its jobs; every value has a default that suits the tiny preset on a laptop. */
@ConfigMapping(prefix = "mnemo.eval")
public interface EvalConfig {

    /**
     * Prompts decoded together by the greedy generator. Larger batches amortize each step over more rows but pad
     * short prompts more; prompts are sorted by length first, so padding stays small.
     */
    @WithDefault("32")
    int batchSize();

    /** libtorch intra-op threads; 0 keeps libtorch's default (one per core). */
    @WithDefault("0")
    int threads();
}
