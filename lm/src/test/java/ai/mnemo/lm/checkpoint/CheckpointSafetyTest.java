package ai.mnemo.lm.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.testing.StopAfter;
import ai.mnemo.lm.testing.TinyModels;
import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import ai.mnemo.lm.train.AdamW;
import ai.mnemo.lm.train.CheckpointSink;
import ai.mnemo.lm.train.StoppingRule;
import ai.mnemo.lm.train.Trainer;
import ai.mnemo.lm.train.TrainingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kill at any point of a save leaves a usable checkpoint, and a writer that lost its job cannot publish. */
class CheckpointSafetyTest {

    private static final TrainingOptions OPTIONS = TrainingOptions.builder(new StoppingRule.FixedEpochs(10))
            .optLearningRate(3e-3).optBatchSize(4).optSeed(7).build();

    @Test
    void anOlderHolderCannotReplaceTheNewHoldersCheckpoint(@TempDir Path dir) throws IOException {
        Path checkpoint = dir.resolve("checkpoint");
        try (NDManager root = TorchRuntime.newManager(); TextTokenizer tokenizer = tokenizer(dir)) {
            CheckpointSink lost = TrainingCheckpoint.into(checkpoint, tokenizer); // the first trainer takes the job
            CheckpointSink holder = TrainingCheckpoint.into(checkpoint, tokenizer); // the job moved: a new claim
            assertEquals(2, CheckpointFence.current(checkpoint));

            train(root, 2, holder);
            assertEquals(2, TrainingCheckpoint.state(checkpoint).step());

            CheckpointFencedException refused = assertThrows(CheckpointFencedException.class,
                    () -> train(root, 3, lost));
            assertTrue(refused.getMessage().contains("generation 1"), refused.getMessage());
            assertEquals(2, TrainingCheckpoint.state(checkpoint).step(), "the holder's checkpoint stays");
            assertEquals(List.of(), partials(dir), "the refused writer cleaned up after itself");

            train(root, 4, holder);
            assertEquals(4, TrainingCheckpoint.state(checkpoint).step(), "the holder goes on saving");
        }
    }

    @Test
    void aKillBetweenWriteAndRenameLeavesThePreviousCheckpointUsable(@TempDir Path dir) throws IOException {
        Path checkpoint = dir.resolve("checkpoint");
        try (NDManager root = TorchRuntime.newManager(); TextTokenizer tokenizer = tokenizer(dir)) {
            train(root, 2, TrainingCheckpoint.into(checkpoint, tokenizer));
            // A trainer killed after writing its staging directory, before the rename: half a checkpoint beside it.
            Path staging = dir.resolve("checkpoint.partial-1-killed");
            Files.createDirectories(staging);
            Files.writeString(staging.resolve(TrainingCheckpoint.STATE), "{\"step\": 3, \"trunc");

            assertTrue(TrainingCheckpoint.exists(checkpoint));
            assertEquals(2, TrainingCheckpoint.state(checkpoint).step());
            TrainingCheckpoint.into(checkpoint, tokenizer); // the next holder's claim clears it
            assertEquals(List.of(), partials(dir));
        }
    }

    @Test
    void aKillBetweenTheTwoRenamesLeavesTheOldCheckpointAsPreviousAndItComesBack(@TempDir Path dir)
            throws IOException {
        Path checkpoint = dir.resolve("checkpoint");
        try (NDManager root = TorchRuntime.newManager(); TextTokenizer tokenizer = tokenizer(dir)) {
            train(root, 2, TrainingCheckpoint.into(checkpoint, tokenizer));
            // The first rename of a save happened (checkpoint -> .previous), the kill came before the second.
            Files.move(checkpoint, dir.resolve("checkpoint.previous"));
            assertFalse(Files.exists(checkpoint));

            assertTrue(TrainingCheckpoint.exists(checkpoint), "moved back from .previous");
            assertEquals(2, TrainingCheckpoint.state(checkpoint).step());
            assertFalse(Files.exists(dir.resolve("checkpoint.previous")));
        }
    }

    @Test
    void theFenceCountsClaimsAndRefusesAnythingButTheLatest(@TempDir Path dir) {
        Path checkpoint = dir.resolve("checkpoint");
        assertEquals(0, CheckpointFence.current(checkpoint));
        assertEquals(1, CheckpointFence.claim(checkpoint));
        assertEquals(2, CheckpointFence.claim(checkpoint));
        List<Long> published = new ArrayList<>();
        CheckpointFence.publish(checkpoint, 2, () -> published.add(2L));
        assertThrows(CheckpointFencedException.class,
                () -> CheckpointFence.publish(checkpoint, 1, () -> published.add(1L)));
        assertEquals(List.of(2L), published);
    }

    private static void train(NDManager root, int steps, CheckpointSink sink) {
        try (Llama model = TinyModels.grouped(1, root)) {
            new Trainer(model, OPTIONS, StopAfter.steps(steps)).train(rows(), AdamW.forTraining(model, OPTIONS), null,
                    null, sink);
        }
    }

    private static TextTokenizer tokenizer(Path dir) {
        ByteTokenizerDefinition.write(dir.resolve("tokenizer.json"));
        return TextTokenizer.load(dir);
    }

    private static List<Path> partials(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(".partial-")).toList();
        }
    }

    private static List<EncodedExample> rows() {
        List<EncodedExample> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(new EncodedExample(new int[] {ByteTokenizerDefinition.BOS, 65 + i, 66, 67 + i,
                ByteTokenizerDefinition.EOS}, 2));
        }
        return rows;
    }
}
