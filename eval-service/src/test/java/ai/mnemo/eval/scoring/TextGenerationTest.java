package ai.mnemo.eval.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.Presets;
import ai.mnemo.lm.config.ModelPresets;
import ai.mnemo.lm.engine.TorchRuntime;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain-text generation on the tiny preset, as the known-fact filter uses it. */
class TextGenerationTest {

    @TempDir
    Path dir;

    @Test
    void continuationsAreCappedBatchIndependentWithinThePositionsLeft() {
        try (NDManager root = TorchRuntime.newManager()) {
            Presets.write(ModelPresets.TINY, 0, dir, root);
            try (HfCheckpoint.Loaded loaded = HfCheckpoint.load(dir, root)) {
                List<String> prompts = List.of("Q: Who wrote Emma?\nA: Jane Austen\n\nQ: Capital of Peru?\nA:", "Q: x?\nA:");
                List<String> together = new TextGeneration(loaded, 8).answers(prompts, 5);
                List<String> alone = new TextGeneration(loaded, 1).answers(prompts, 5);

                assertEquals(together, alone);
                assertTrue(together.stream().allMatch(a -> a.codePointCount(0, a.length()) <= 5), together.toString());
                String nearlyFull = new TextGeneration(loaded, 8).answers(List.of("x".repeat(1010)), 20).get(0);
                assertTrue(nearlyFull.codePointCount(0, nearlyFull.length()) <= 13,
                        "the cap shrinks to the 13 positions left after a prompt of 1011 tokens");
                IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                        () -> new TextGeneration(loaded, 8).answers(List.of("x".repeat(1023)), 20));
                assertEquals("a prompt of 1024 tokens leaves no room for an answer in the model's "
                        + "max_position_embeddings (1024); shorten the question", tooLong.getMessage());
            }
        }
    }
}
