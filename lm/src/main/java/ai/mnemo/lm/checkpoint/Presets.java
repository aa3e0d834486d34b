package ai.mnemo.lm.checkpoint;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Materializes a preset as an ordinary Hugging Face checkpoint directory (random weights from the seed, Mnemo's
 * byte tokenizer), so every later step treats presets and downloaded models alike.
 */
public final class Presets {

    private Presets() {}

    public static void write(String preset, long seed, Path dir, NDManager parent) {
        LlamaConfig config = ModelPresets.named(preset);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        ByteTokenizerDefinition.write(dir.resolve(TextTokenizer.FILE));
        try (Llama model = Llama.initialize(config, seed, parent.newSubManager());
                TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            HfCheckpoint.save(model, tokenizer, dir, TensorDtype.F32);
        }
    }
}
