package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Additive attention masks, shaped for scores laid out as (B, K, G*T, Tk): the G query heads that share a key/value
 * head are stacked along the query axis, so the mask repeats its (T, Tk) pattern G times.
 *
 * <p>Masked entries get a large finite negative instead of -inf: a row with nothing to attend (a padding position)
 * then softmaxes to harmless numbers instead of NaN, and real rows are unaffected because exp underflows to 0.
 */
public final class AttentionMask {

    static final float MASKED = -1e9f;

    private AttentionMask() {}

    /** Causal mask for training, shared by every row: (1, 1, G*T, T). */
    public static NDArray causal(int length, int groups, NDManager manager) {
        float[] mask = new float[groups * length * length];
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < length; i++) {
                int row = (g * length + i) * length;
                for (int j = i + 1; j < length; j++) {
                    mask[row + j] = MASKED;
                }
            }
        }
        return manager.create(mask, new Shape(1, 1, (long) groups * length, length));
    }

    /**
     * Mask for left-padded rows during generation: (B, 1, G*T, Tk). Query i of this call sits at key position
     * {@code past + i}; row b's first {@code padding[b]} keys are padding. A padding query sees only itself.
     */
    public static NDArray leftPadded(int[] padding, int past, int length, int groups, NDManager manager) {
        int keys = past + length;
        float[] mask = new float[padding.length * groups * length * keys];
        int at = 0;
        for (int pad : padding) {
            for (int g = 0; g < groups; g++) {
                for (int i = 0; i < length; i++) {
                    int query = past + i;
                    for (int j = 0; j < keys; j++) {
                        boolean visible = j <= query && (j >= pad || j == query);
                        mask[at++] = visible ? 0f : MASKED;
                    }
                }
            }
        }
        return manager.create(mask, new Shape(padding.length, 1, (long) groups * length, keys));
    }
}
