package ai.mnemo.lm.testing;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;

/** Small models for tests: fast on a 2-core CPU, with grouped key/value heads so that path is always exercised. */
public final class TinyModels {

    private TinyModels() {}

    /** d=64, 4 query heads over 2 key/value heads, 2 layers, byte vocabulary. */
    public static LlamaConfig grouped() {
        return new LlamaConfig(64, 2, 4, 2, 176, 1e-5, 10000.0, ByteTokenizerDefinition.VOCAB_SIZE, false, 256,
                ByteTokenizerDefinition.BOS, ByteTokenizerDefinition.EOS, "llama", null, null);
    }

    public static Llama grouped(long seed, NDManager parent) {
        return Llama.initialize(grouped(), seed, parent.newSubManager());
    }
}
