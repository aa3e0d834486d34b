package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The keys and values of a prefix every row of a training batch begins with, computed once as a batch of one row:
 * {@link #recording()} keeps them while the prefix runs through the layers, {@link #prepending(long)} puts them
 * before each row's own while the rest of the rows run. Under causal attention a shared prefix has the same keys
 * and values in every row, so this is the batch's math, with the prefix's projections and feed-forward done once
 * instead of once per row; the gradients of the B copies add up through the broadcast.
 */
final class SharedPrefix {

    private final NDArray[] keys;
    private final NDArray[] values;

    SharedPrefix(int layers) {
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Keeps each layer's prefix keys and values (1, K, P, E); the prefix attends to itself alone. */
    KeyValues recording() {
        return new KeyValues() {
            @Override
            public NDArray keys(int layer, NDArray fresh) {
                keys[layer] = fresh;
                return fresh;
            }

            @Override
            public NDArray values(int layer, NDArray fresh) {
                values[layer] = fresh;
                return fresh;
            }
        };
    }

    /** Puts the recorded prefix before the fresh keys and values of {@code rows} rows: (B, K, P + T, E). */
    KeyValues prepending(long rows) {
        return new KeyValues() {
            @Override
            public NDArray keys(int layer, NDArray fresh) {
                return before(keys[layer], fresh, rows);
            }

            @Override
            public NDArray values(int layer, NDArray fresh) {
                return before(values[layer], fresh, rows);
            }
        };
    }

    private static NDArray before(NDArray prefix, NDArray fresh, long rows) {
        Shape s = prefix.getShape();
        return prefix.broadcast(new Shape(rows, s.get(1), s.get(2), s.get(3))).concat(fresh, 2);
    }
}
