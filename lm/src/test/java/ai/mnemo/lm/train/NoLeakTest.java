package ai.mnemo.lm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.generate.GreedyGenerator;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.testing.TinyModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training steps and generation leave no arrays behind: the model's manager holds the same count afterwards. */
class NoLeakTest {

    @Test
    void trainingAndGenerationKeepTheArrayCountFlat() {
        List<EncodedExample> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(new EncodedExample(new int[] {256, 65 + i, 66, 67, 68 + i % 3, 257}, 3));
        }
        try (NDManager root = TorchRuntime.newManager(); Llama model = TinyModels.grouped(9, root)) {
            TrainingOptions options = TrainingOptions.builder(new StoppingRule.FixedEpochs(2)).optBatchSize(4)
                    .optCheckpointEveryEpochs(0).build();
            AdamW adam = new AdamW(model.parameters(), model.manager(), 0.9, 0.95, 1e-8, 0);
            Trainer trainer = new Trainer(model, options, TrainingListener.NONE);
            GreedyGenerator generator = new GreedyGenerator(model, 4);
            List<int[]> prompts = rows.stream().map(EncodedExample::prompt).toList();

            trainer.train(rows, adam, null, null, CheckpointSink.NONE);
            generator.generate(prompts, 5);
            int afterFirst = model.manager().getManagedArrays().size();
            for (int round = 0; round < 3; round++) {
                trainer.train(rows, adam, null, null, CheckpointSink.NONE);
                generator.generate(prompts, 5);
                generator.generateWithoutCache(prompts, 3);
            }
            assertEquals(afterFirst, model.manager().getManagedArrays().size());
        }
    }
}
