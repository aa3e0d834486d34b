package ai.mnemo.lm.train;

import static ai.mnemo.lm.testing.Reference.assertRelativeError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.ChatTemplate;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.testing.KvrRows;
import ai.mnemo.lm.testing.TinyModels;
import ai.mnemo.lm.tokenizer.ByteTokenizerDefinition;
import ai.mnemo.lm.tokenizer.TextTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch taken in micro-batches (gradient accumulation) gives the gradients, the loss and the weights after a
 * step of the same batch taken at once, to 1e-5; also with the released code's loss over padding, where every
 * row is padded to the stage's longest row.
 */
class GradientAccumulationTest {

    @Test
    void microBatchesAddUpToTheBatch(@TempDir Path dir) {
        compare(dir, TrainingOptions.LossPositions.ANSWER);
    }

    @Test
    void microBatchesAddUpWithTheLossOverPaddingToo(@TempDir Path dir) {
        compare(dir, TrainingOptions.LossPositions.ANSWER_AND_PADDING);
    }

    private static void compare(Path dir, TrainingOptions.LossPositions positions) {
        ByteTokenizerDefinition.write(dir.resolve(TextTokenizer.FILE));
        try (NDManager root = TorchRuntime.newManager(); TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            ChatTemplate template = new ChatTemplate(tokenizer, ByteTokenizerDefinition.BOS,
                    ByteTokenizerDefinition.EOS);
            List<EncodedExample> rows = new ArrayList<>(KvrRows.of(10, 3, template).rows());
            rows.add(template.encode(new ai.mnemo.lm.chat.ChatExample("a longer question, so rows differ", "x")));
            Step whole = step(root, rows, 11, positions);
            Step accumulated = step(root, rows, 3, positions);
            assertEquals(whole.loss(), accumulated.loss(), 1e-5 * Math.abs(whole.loss()), "loss");
            whole.gradients().forEach((name, g) -> assertRelativeError(g, accumulated.gradients().get(name), 1e-5,
                    "gradient of " + name));
            whole.weights().forEach((name, w) -> assertRelativeError(w, accumulated.weights().get(name), 1e-5,
                    "weights after the step: " + name));
        }
    }

    private record Step(double loss, Map<String, float[]> gradients, Map<String, float[]> weights) {}

    private static Step step(NDManager root, List<EncodedExample> rows, int microBatch,
            TrainingOptions.LossPositions positions) {
        try (Llama model = TinyModels.grouped(5, root); NDManager scope = root.newSubManager()) {
            model.enableGradients();
            int padTo = positions == TrainingOptions.LossPositions.ANSWER ? 0
                    : rows.stream().mapToInt(EncodedExample::length).max().orElseThrow();
            TrainingObjective.StepLoss loss = TrainingObjective.crossEntropy().backward(model, rows,
                    new TrainingObjective.Batching(model.config().eosTokenId(), microBatch, padTo,
                            positions == TrainingOptions.LossPositions.ANSWER_AND_PADDING), scope);
            Map<String, float[]> gradients = new LinkedHashMap<>();
            List<NDArray> handles = GradientClipping.gradients(model.parameters().values(), scope);
            int i = 0;
            for (String name : model.parameters().keySet()) {
                gradients.put(name, handles.get(i++).toFloatArray());
            }
            AdamW adam = new AdamW(model.parameters(), model.manager(), 0.9, 0.95, 1e-8, 0.0);
            adam.step(handles, 1e-3, GradientClipping.coefficient(GradientClipping.globalNorm(handles), 1.0));
            Map<String, float[]> weights = new LinkedHashMap<>();
            model.parameters().forEach((name, w) -> weights.put(name, w.toFloatArray()));
            return new Step(loss.crossEntropy(), gradients, weights);
        }
    }
}
