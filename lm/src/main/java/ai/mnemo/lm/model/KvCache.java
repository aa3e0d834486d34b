package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Keys and values of the tokens seen so far, one pair per layer, each (B, K, Tc, E), owned by the generation's
 * manager. Appending replaces the previous arrays and frees them.
 */
public final class KvCache {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;

    public KvCache(int layers, NDManager manager) {
        this.manager = manager;
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Number of cached positions (0 before the first call). */
    public long length() {
        return keys[0] == null ? 0 : keys[0].getShape().get(2);
    }

    NDArray appendKeys(int layer, NDArray key) {
        return append(keys, layer, key);
    }

    NDArray appendValues(int layer, NDArray value) {
        return append(values, layer, value);
    }

    private NDArray append(NDArray[] slots, int layer, NDArray fresh) {
        NDArray previous = slots[layer];
        NDArray all = previous == null ? fresh : previous.concat(fresh, 2);
        all.attach(manager);
        if (previous != null) {
            previous.close();
        }
        slots[layer] = all;
        return all;
    }
}
