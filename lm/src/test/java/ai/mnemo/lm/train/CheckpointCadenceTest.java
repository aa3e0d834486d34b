package ai.mnemo.lm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.testing.TinyModels;
import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checkpoints within epochs: by steps, by time, a tenth of the stage by default. */
class CheckpointCadenceTest {

    @Test
    void aTenthOfTheStageByDefaultOrTheStepsOrSecondsGiven() {
        CheckpointCadence cadence = CheckpointCadence.DEFAULT;
        assertFalse(cadence.due(99, 10, 1000));
        assertTrue(cadence.due(100, 10, 1000), "a tenth of 1000 planned steps");
        assertTrue(cadence.due(1, 300, 1000), "five minutes");
        assertTrue(cadence.due(1, 0, 5), "a stage of fewer than 10 steps saves every step");
        assertTrue(new CheckpointCadence(7, 0).due(7, 0, 1000));
        assertFalse(new CheckpointCadence(7, 0).due(6, 1e9, 1000), "no time trigger");
        assertFalse(CheckpointCadence.OFF.due(1_000_000, 1e9, 1000));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointCadence(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointCadence(1, Double.NaN));
    }

    @Test
    void theLoopSavesWithinTheEpochAtTheCadenceAndAtTheEnd() {
        TrainingOptions options = TrainingOptions.builder(new StoppingRule.FixedEpochs(2)).optLearningRate(3e-3)
                .optBatchSize(1).optSeed(1).optCheckpointCadence(new CheckpointCadence(3, 0)).build();
        List<Long> saved = new ArrayList<>();
        List<Boolean> finished = new ArrayList<>();
        try (NDManager root = TorchRuntime.newManager(); Llama model = TinyModels.grouped(1, root)) {
            new Trainer(model, options, new TrainingListener() { }).train(rows(5), AdamW.forTraining(model, options),
                    null, null, (m, optimizer, state) -> {
                        saved.add(state.step());
                        finished.add(state.finished());
                    });
        }
        // 5 steps per epoch: every 3 steps, the end of epoch 1 (step 5), then 3 after it, and the final save.
        assertEquals(List.of(3L, 5L, 8L, 10L), saved);
        assertEquals(List.of(false, false, false, true), finished);
    }

    private static List<EncodedExample> rows(int count) {
        List<EncodedExample> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new EncodedExample(new int[] {ByteTokenizerDefinition.BOS, 65 + i, 66, 67,
                ByteTokenizerDefinition.EOS}, 2));
        }
        return rows;
    }
}
