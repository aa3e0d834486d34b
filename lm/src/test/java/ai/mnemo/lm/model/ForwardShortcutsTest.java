package ai.mnemo.lm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.testing.TinyModels;
import ai.mnemo.lm.train.AdamW;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The forward pass's shortcuts give the full pass's numbers, with grouped key/value heads: a last layer that
 * computes only the positions from a given one on (for training's causal context, and for a left-padded prompt
 * that fills a cache, which must be the full pass's cache), and a prefix every row shares computed once, forward
 * and backward.
 */
class ForwardShortcutsTest {

    private static final long[][] ROWS = {
        {256, 72, 101, 108, 108, 111, 32, 119}, {256, 84, 104, 101, 32, 107, 101, 121}};

    @Test
    void theTailOfTheLastLayerIsTheFullPassesTail() {
        try (NDManager root = TorchRuntime.newManager(); Llama model = TinyModels.grouped(7, root)) {
            NDManager scope = root.newSubManager();
            NDArray ids = scope.create(ROWS);
            ForwardContext context = model.causalContext(8, scope);
            NDArray full = model.hidden(ids, context, null);
            for (int from : new int[] {1, 5, 7}) {
                NDArray tail = model.hidden(ids, from, context, null);
                assertEquals(new Shape(2, 8 - from, 64), tail.getShape());
                assertArrayEquals(full.get(new NDIndex(":, {}:, :", from)).toFloatArray(), tail.toFloatArray(), 1e-5f);
            }
        }
    }

    @Test
    void aLeftPaddedPromptsTailFillsTheSameCache() {
        try (NDManager root = TorchRuntime.newManager(); Llama model = TinyModels.grouped(7, root)) {
            NDManager scope = root.newSubManager();
            int[] padding = {0, 3};
            NDArray ids = scope.create(ROWS);
            KvCache fullCache = new KvCache(2, 9, scope);
            KvCache tailCache = new KvCache(2, 9, scope);
            NDArray full = model.hidden(ids, model.leftPaddedContext(padding, 0, 8, scope), fullCache);
            NDArray last = model.hidden(ids, 7, model.leftPaddedContext(padding, 0, 8, scope), tailCache);
            assertArrayEquals(full.get(new NDIndex(":, 7:, :")).toFloatArray(), last.toFloatArray(), 1e-5f);

            NDArray next = scope.create(new long[][] {{33}, {63}});
            NDArray afterFull = model.hidden(next, model.leftPaddedContext(padding, 8, 1, scope), fullCache);
            NDArray afterTail = model.hidden(next, model.leftPaddedContext(padding, 8, 1, scope), tailCache);
            assertArrayEquals(afterFull.toFloatArray(), afterTail.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void aSharedPrefixComputedOnceGivesTheSameOutputsAndGradients() {
        long[][] rows = {
            {256, 84, 104, 101, 32, 107, 101, 121, 32, 65, 66, 67},
            {256, 84, 104, 101, 32, 107, 101, 121, 32, 88, 89, 90},
            {256, 84, 104, 101, 32, 107, 101, 121, 32, 49, 50, 51}};
        try (NDManager root = TorchRuntime.newManager(); Llama model = TinyModels.grouped(11, root)) {
            model.enableGradients();
            List<float[]> plain = outputsAndGradients(model, rows, 0, 8, root);
            List<float[]> shared = outputsAndGradients(model, rows, 8, 8, root);
            assertEquals(3 * 4 * 64, plain.get(0).length);
            assertArrayEquals(plain.get(0), shared.get(0), 1e-5f);
            for (int p = 1; p < plain.size(); p++) {
                float largest = 0;
                for (float g : plain.get(p)) {
                    largest = Math.max(largest, Math.abs(g));
                }
                assertArrayEquals(plain.get(p), shared.get(p), 1e-6f * largest, "gradient of parameter " + p);
            }
            List<float[]> shorter = outputsAndGradients(model, rows, 5, 9, root); // prefix shorter than the outputs
            for (int r = 0; r < 3; r++) {
                assertArrayEquals(Arrays.copyOfRange(plain.get(0), r * 256 + 64, r * 256 + 256),
                        Arrays.copyOfRange(shorter.get(0), r * 192, r * 192 + 192), 1e-5f);
            }
        }
    }

    /**
     * The outputs from {@code from} on, then the gradient of every parameter of a loss that reads both the outputs
     * and their logits.
     */
    private static List<float[]> outputsAndGradients(Llama model, long[][] rows, int shared, int from,
            NDManager root) {
        try (NDManager scope = root.newSubManager(); TorchRuntime.Scope recording = TorchRuntime.withGradient()) {
            NDArray hidden = model.hiddenOfRows(scope.create(rows), shared, from, scope);
            NDArray weights = scope.arange(0f, (float) hidden.size()).reshape(hidden.getShape()).sin();
            TorchRuntime.backward(model.logits(hidden).sum().add(hidden.mul(weights).sum()));
            List<float[]> out = new ArrayList<>();
            out.add(hidden.toFloatArray());
            for (NDArray parameter : model.parameters().values()) {
                out.add(parameter.getGradient().toFloatArray());
            }
            new AdamW(model.parameters(), model.manager(), 0.9, 0.95, 1e-8, 0).zeroGradients();
            return out;
        }
    }
}
