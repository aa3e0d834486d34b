package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of the tokens seen so far, one pair per layer, in buffers of (B, K, capacity, E) allocated once
 * on the generation's manager and filled in place. Growing a cache by concatenation instead allocates a slightly
 * larger buffer every step; glibc's allocator cannot reuse the freed, slightly smaller ones, and a 670-token
 * generation of 32 rows grew eval-service by 20 GB until the kernel killed it.
 */
public final class KvCache implements KeyValues {

    private final NDManager manager;
    private final long capacity;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final long[] filled;

    /** @param capacity the most positions the cache will hold: the longest prompt plus the new tokens */
    public KvCache(int layers, long capacity, NDManager manager) {
        this.manager = manager;
        this.capacity = capacity;
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.filled = new long[layers];
    }

    /** Number of cached positions (0 before the first call). */
    public long length() {
        return filled[0];
    }

    /** Appends this call's keys (B, K, T, E) of {@code layer}; returns every cached key so far (a view). */
    @Override
    public NDArray keys(int layer, NDArray key) {
        return append(keys, layer, key, false);
    }

    /** Appends this call's values; the last call per layer and step, it advances the layer's length. */
    @Override
    public NDArray values(int layer, NDArray value) {
        return append(values, layer, value, true);
    }

    private NDArray append(NDArray[] slots, int layer, NDArray fresh, boolean advance) {
        long from = filled[layer];
        long to = from + fresh.getShape().get(2);
        if (to > capacity) {
            throw new IllegalStateException("the cache holds " + capacity + " positions, " + to + " asked");
        }
        if (slots[layer] == null) {
            Shape s = fresh.getShape();
            slots[layer] = manager.zeros(new Shape(s.get(0), s.get(1), capacity, s.get(3)), fresh.getDataType());
        }
        slots[layer].set(new NDIndex(":, :, {}:{}, :", from, to), fresh);
        NDArray cached = slots[layer].get(new NDIndex(":, :, 0:{}, :", to));
        cached.attach(fresh.getManager()); // a view: it dies with the step, the buffer stays
        if (advance) {
            filled[layer] = to;
        }
        return cached;
    }
}
