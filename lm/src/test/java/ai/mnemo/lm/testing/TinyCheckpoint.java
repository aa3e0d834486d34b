package ai.mnemo.lm.testing;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.Presets;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;
import java.nio.file.Path;

/** The tiny preset written as a checkpoint and loaded back, as the services load a model, with its chat template. */
public final class TinyCheckpoint {

    private TinyCheckpoint() {}

    /** Writes the tiny preset (seed 0) into {@code dir} and loads it; the caller closes it. */
    public static HfCheckpoint.Loaded load(Path dir, NDManager root) {
        Presets.write(ModelPresets.TINY, 0, dir, root);
        return HfCheckpoint.load(dir, root);
    }

    public static ChatTemplate template(HfCheckpoint.Loaded loaded) {
        return new ChatTemplate(loaded.tokenizer(), ByteTokenizerDefinition.BOS, ByteTokenizerDefinition.EOS);
    }
}
