package ai.mnemo.lm.config;

import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;

/** Named architectures Mnemo can build from scratch. */
public final class ModelPresets {

    public static final String TINY = "tiny";

    private ModelPresets() {}

    /**
     * The embedded default: d=128, 4 heads, 2 layers, SwiGLU width 344, the byte vocabulary (260 ids), about
     * 0.46M parameters; it runs on a laptop CPU.
     */
    public static LlamaConfig tiny() {
        return new LlamaConfig(128, 2, 4, 4, 344, 1e-5, 10000.0, ByteTokenizerDefinition.VOCAB_SIZE, false, 1024,
                ByteTokenizerDefinition.BOS, ByteTokenizerDefinition.EOS, "llama", null);
    }

    public static LlamaConfig named(String preset) {
        if (TINY.equals(preset)) {
            return tiny();
        }
        throw new IllegalArgumentException("unknown model preset '" + preset + "' (known: " + TINY + ")");
    }
}
