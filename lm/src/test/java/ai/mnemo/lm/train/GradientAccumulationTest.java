package ai.mnemo.lm.train;

import static ai.mnemo.lm.testing.Reference.assertRelativeError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * A batch taken in micro-batches (gradient accumulation), or as two halves on two threads, gives the gradients, the
 * loss and the weights after a step of the same batch taken at once, to 1e-5; also with the released code's loss
 * over padding, where every row is padded to the stage's longest row. Halves give the same bits every time.
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

    @Test
    void halvesAddUpToTheBatch(@TempDir Path dir) {
        compare(dir, TrainingOptions.LossPositions.ANSWER, 11, true);
        compare(dir, TrainingOptions.LossPositions.ANSWER_AND_PADDING, 11, true);
    }

    @Test
    void halvesGiveTheSameBitsEveryTime(@TempDir Path dir) {
        List<EncodedExample> rows = rows(dir);
        try (NDManager root = TorchRuntime.newManager()) {
            Step first = step(root, rows, 11, true, TrainingOptions.LossPositions.ANSWER);
            for (int i = 0; i < 8; i++) {
                Step again = step(root, rows, 11, true, TrainingOptions.LossPositions.ANSWER);
                assertEquals(first.loss(), again.loss(), "loss, repeat " + i);
                first.gradients().forEach((name, g) -> assertArrayEquals(g, again.gradients().get(name),
                        "gradient of " + name));
                first.weights().forEach((name, w) -> assertArrayEquals(w, again.weights().get(name),
                        "weights after the step: " + name));
            }
        }
    }

    private static void compare(Path dir, TrainingOptions.LossPositions positions) {
        compare(dir, positions, 3, false);
    }

    private static void compare(Path dir, TrainingOptions.LossPositions positions, int microBatch, boolean halves) {
        List<EncodedExample> rows = rows(dir);
        try (NDManager root = TorchRuntime.newManager()) {
            Step whole = step(root, rows, 11, false, positions);
            Step split = step(root, rows, microBatch, halves, positions);
            assertEquals(whole.loss(), split.loss(), 1e-5 * Math.abs(whole.loss()), "loss");
            whole.gradients().forEach((name, g) -> assertRelativeError(g, split.gradients().get(name), 1e-5,
                    "gradient of " + name));
            whole.weights().forEach((name, w) -> assertRelativeError(w, split.weights().get(name), 1e-5,
                    "weights after the step: " + name));
        }
    }

    /** Ten KVR rows and a longer one, so that rows differ in length. */
    private static List<EncodedExample> rows(Path dir) {
        ByteTokenizerDefinition.write(dir.resolve(TextTokenizer.FILE));
        try (TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            ChatTemplate template = new ChatTemplate(tokenizer, ByteTokenizerDefinition.BOS,
                    ByteTokenizerDefinition.EOS);
            List<EncodedExample> rows = new ArrayList<>(KvrRows.of(10, 3, template).rows());
            rows.add(template.encode(new ai.mnemo.lm.chat.ChatExample("a longer question, so rows differ", "x")));
            return rows;
        }
    }

    private record Step(double loss, Map<String, float[]> gradients, Map<String, float[]> weights) {}

    private static Step step(NDManager root, List<EncodedExample> rows, int microBatch, boolean halves,
            TrainingOptions.LossPositions positions) {
        try (Llama model = TinyModels.grouped(5, root); NDManager scope = root.newSubManager()) {
            model.enableGradients();
            int padTo = positions == TrainingOptions.LossPositions.ANSWER ? 0
                    : rows.stream().mapToInt(EncodedExample::length).max().orElseThrow();
            TrainingObjective.StepLoss loss = TrainingObjective.crossEntropy().backward(model, rows,
                    new TrainingObjective.Batching(model.config().eosTokenId(), microBatch, padTo,
                            positions == TrainingOptions.LossPositions.ANSWER_AND_PADDING, halves), scope);
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
