package ai.mnemo.lm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.testing.TinyModels;
import org.junit.jupiter.api.Test;

/**
 * A last layer that computes only the positions from a given one on gives exactly those positions of the full
 * forward pass, with grouped key/value heads, for training's causal context and for a left-padded prompt that
 * fills a cache; and the cache it fills is the full pass's.
 */
class QueryTailTest {

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
}
