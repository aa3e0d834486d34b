package ai.mnemo.lm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.checkpoint.HfCheckpoint;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.ParameterNames;
import ai.mnemo.lm.testing.KvrRows;
import ai.mnemo.lm.testing.TinyCheckpoint;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step whose loss is not finite is never applied: the stage stops as diverged on the weights before it. */
class DivergenceTest {

    /** Finite for the first {@code healthySteps} steps, then NaN. */
    private static final class NanAfter implements PenaltyTerm {
        private final int healthySteps;
        private int calls;

        NanAfter(int healthySteps) {
            this.healthySteps = healthySteps;
        }

        @Override
        public String name() {
            return "nan-after";
        }

        @Override
        public NDArray contribution(MicroBatch micro) {
            return micro.scope().create(++calls > healthySteps ? Float.NaN : 0f);
        }
    }

    @Test
    void aNonFiniteLossStopsTheStageAsDivergedWithFiniteWeights(@TempDir Path dir) {
        try (NDManager root = TorchRuntime.newManager()) {
            try (HfCheckpoint.Loaded loaded = TinyCheckpoint.load(dir, root)) {
                ChatTemplate template = TinyCheckpoint.template(loaded);
                KvrRows kvr = KvrRows.of(16, 3, template);
                TrainingOptions options = TrainingOptions.builder(new StoppingRule.FixedEpochs(5))
                        .optLearningRate(3e-3).optBatchSize(4).optCheckpointEveryEpochs(0).build();
                AdamW adam = AdamW.forTraining(loaded.model(), options);
                NDArray embedding = loaded.model().parameters().get(ParameterNames.EMBEDDING);
                float[][] before = new float[1][];
                TrainingListener remember = new TrainingListener() {
                    @Override
                    public void onStep(StepReport report) {
                        before[0] = embedding.toFloatArray(); // after step 6, the last one applied
                    }
                };
                TrainingResult result = new Trainer(loaded.model(), new TrainingObjective(List.of(new NanAfter(6))),
                        options, remember).train(kvr.rows(), adam, null, null, CheckpointSink.NONE);

                assertEquals(TrainingResult.DIVERGED, result.stopReason());
                assertTrue(result.failed());
                assertEquals(6, result.steps());
                float[] after = embedding.toFloatArray();
                assertArrayEquals(before[0], after, 0f);
                for (float w : after) {
                    assertTrue(Float.isFinite(w));
                }
            }
        }
    }
}
