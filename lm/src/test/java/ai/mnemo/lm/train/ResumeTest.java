package ai.mnemo.lm.train;

import ai.mnemo.lm.testing.StopAfter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.checkpoint.TrainingCheckpoint;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.testing.TinyModels;
import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping after N steps and resuming from the checkpoint gives the weights of an uninterrupted 2N-step run. */
class ResumeTest {

    private static final int STEPS = 8; // 24 rows in batches of 5: 5 steps per epoch, so N falls mid-epoch

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path dir) {
        List<EncodedExample> rows = rows(24);
        TrainingOptions options = TrainingOptions.builder(new StoppingRule.FixedEpochs(2 * STEPS / 5 + 1))
                .optLearningRate(3e-3).optBatchSize(5).optWeightDecay(0.1).optSeed(42).optWarmupRatio(0.2).build();
        ByteTokenizerDefinition.write(dir.resolve("tokenizer.json"));
        try (NDManager root = TorchRuntime.newManager(); TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            Map<String, float[]> straight = train(root, rows, options, 2 * STEPS, null);

            Path checkpoint = dir.resolve("ckpt");
            try (Llama model = TinyModels.grouped(1, root)) {
                AdamW adam = newAdam(model, options);
                TrainingResult first = new Trainer(model, options, StopAfter.steps(STEPS))
                        .train(rows, adam, null, null, TrainingCheckpoint.into(checkpoint, tokenizer));
                assertEquals("stopped", first.stopReason());
                assertEquals(STEPS, first.steps());
            }
            TrainingState state = TrainingCheckpoint.state(checkpoint);
            assertEquals(STEPS, state.step());
            assertFalse(state.finished());
            Map<String, float[]> resumed;
            try (HfCheckpoint.Loaded loaded = HfCheckpoint.load(checkpoint, root)) {
                AdamW adam = newAdam(loaded.model(), options);
                TrainingCheckpoint.restoreOptimizer(checkpoint, adam, root);
                new Trainer(loaded.model(), options, StopAfter.steps(2 * STEPS))
                        .train(rows, adam, state, null, CheckpointSink.NONE);
                resumed = snapshot(loaded.model());
            }
            assertEquals(straight.keySet(), resumed.keySet());
            straight.forEach((name, weights) -> assertArrayEquals(weights, resumed.get(name), name));
        }
    }

    private static Map<String, float[]> train(NDManager root, List<EncodedExample> rows, TrainingOptions options,
            int steps, TrainingState resume) {
        try (Llama model = TinyModels.grouped(1, root)) {
            new Trainer(model, options, StopAfter.steps(steps)).train(rows, newAdam(model, options), resume, null,
                    CheckpointSink.NONE);
            return snapshot(model);
        }
    }

    private static AdamW newAdam(Llama model, TrainingOptions o) {
        return AdamW.forTraining(model, o);
    }

    private static Map<String, float[]> snapshot(Llama model) {
        Map<String, float[]> weights = new java.util.TreeMap<>();
        model.parameters().forEach((name, p) -> weights.put(name, p.toFloatArray()));
        return weights;
    }


    /** Rows of different lengths, so batches carry padding. */
    private static List<EncodedExample> rows(int count) {
        Random random = new Random(3);
        List<EncodedExample> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int prompt = 4 + random.nextInt(6);
            int[] tokens = new int[prompt + 3 + random.nextInt(4)];
            tokens[0] = ByteTokenizerDefinition.BOS;
            for (int j = 1; j < tokens.length - 1; j++) {
                tokens[j] = 65 + random.nextInt(26);
            }
            tokens[tokens.length - 1] = ByteTokenizerDefinition.EOS;
            rows.add(new EncodedExample(tokens, prompt));
        }
        return rows;
    }
}
