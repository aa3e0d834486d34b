package ai.mnemo.lm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.engine.TorchRuntime;
import org.junit.jupiter.api.Test;

/** The preallocated cache returns exactly what was appended so far, in order, and refuses to overflow. */
class KvCacheTest {

    @Test
    void appendsFillTheBufferInOrderAndReturnEverythingSoFar() {
        try (NDManager manager = TorchRuntime.newManager()) {
            KvCache cache = new KvCache(1, 5, manager);
            NDArray prompt = manager.arange(0f, 12f).reshape(1, 2, 3, 2); // B=1, K=2, T=3, E=2
            NDArray next = manager.arange(100f, 104f).reshape(1, 2, 1, 2);
            cache.keys(0, prompt);
            cache.values(0, prompt.neg());
            assertEquals(3, cache.length());

            NDArray keys = cache.keys(0, next);
            NDArray values = cache.values(0, next.neg());
            assertEquals(4, cache.length());
            assertEquals(new Shape(1, 2, 4, 2), keys.getShape());
            NDArray expected = prompt.concat(next, 2);
            assertArrayEquals(expected.toFloatArray(), keys.toFloatArray(), 0f);
            assertArrayEquals(expected.neg().toFloatArray(), values.toFloatArray(), 0f);

            cache.keys(0, next);
            cache.values(0, next);
            assertThrows(IllegalStateException.class, () -> cache.keys(0, next));
        }
    }
}
