package ai.mnemo.lm.config;

import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;

/** Named architectures Mnemo can build from scratch. */
public final class ModelPresets {

    public static final String TINY = "tiny";
    public static final String SMALL = "small";

    private ModelPresets() {}

    /**
     * The embedded default: d=128, 4 heads, 2 layers, SwiGLU width 344, the byte vocabulary (260 ids), about
     * 0.46M parameters; it runs on a laptop CPU.
     */
    public static LlamaConfig tiny() {
        return new LlamaConfig(128, 2, 4, 4, 344, 1e-5, 10000.0, ByteTokenizerDefinition.VOCAB_SIZE, false, 1024,
                ByteTokenizerDefinition.BOS, ByteTokenizerDefinition.EOS, "llama", null, null);
    }

    /**
     * Seven times the tiny preset: d=256, 8 query heads over 4 key/value heads, 4 layers, SwiGLU width 688, the byte
     * vocabulary, about 3.0M parameters; big enough to pretrain on a corpus for an hour on 2 cores and keep some of
     * it (the CPU study's base).
     */
    public static LlamaConfig small() {
        return new LlamaConfig(256, 4, 8, 4, 688, 1e-5, 10000.0, ByteTokenizerDefinition.VOCAB_SIZE, false, 1024,
                ByteTokenizerDefinition.BOS, ByteTokenizerDefinition.EOS, "llama", null, null);
    }

    public static LlamaConfig named(String preset) {
        if (TINY.equals(preset)) {
            return tiny();
        }
        if (SMALL.equals(preset)) {
            return small();
        }
        throw new IllegalArgumentException("unknown model preset '" + preset + "' (known: " + TINY + ", " + SMALL
                + ")");
    }
}
