package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.config.LlamaConfig;

/**
 * Rotary position embedding in the Hugging Face layout: {@code x * cos + rotate_half(x) * sin}, where
 * {@code rotate_half(x) = cat(-x2, x1)} over the two halves of the head dimension.
 *
 * <p>Two tricks keep the op count low: {@code rotate_half(x) * sin} is computed as {@code swap(x) * signedSin}
 * with the sign folded into the table ({@code signedSin = cat(-s, s)}), and the query tables carry the attention
 * scale {@code 1/sqrt(E)}, so the scores need no separate scaling.
 */
public final class RotaryEmbedding {

    private final NDArray queryCos; // (P, E) P = max positions; query tables carry the 1/sqrt(E) scale
    private final NDArray querySin;
    private final NDArray keyCos;
    private final NDArray keySin;
    private final NDArray halfSwap; // (E, E) permutation: x @ halfSwap = cat(x2, x1)

    /** Tables computed in FP32 (as Hugging Face does) and kept in {@code dtype}, the model's. */
    public RotaryEmbedding(LlamaConfig config, NDManager manager, DataType dtype) {
        int e = config.headSize();
        int positions = config.maxPositionEmbeddings();
        float scale = (float) (1.0 / Math.sqrt(e));
        float[] cos = new float[positions * e];
        float[] sin = new float[positions * e];
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < e / 2; i++) {
                // Frequencies in F32 like the Hugging Face reference, the angle in double.
                float inverseFrequency = (float) (1.0 / Math.pow(config.ropeTheta(), (2.0 * i) / e));
                if (config.ropeScaling() != null) {
                    inverseFrequency = (float) config.ropeScaling().apply(inverseFrequency); // Llama-3.1
                }
                double angle = p * (double) inverseFrequency;
                cos[p * e + i] = cos[p * e + i + e / 2] = (float) Math.cos(angle);
                sin[p * e + i] = (float) -Math.sin(angle);
                sin[p * e + i + e / 2] = (float) Math.sin(angle);
            }
        }
        Shape table = new Shape(positions, e);
        this.keyCos = table(cos, table, manager, dtype);
        this.keySin = table(sin, table, manager, dtype);
        this.queryCos = table(scaled(cos, scale), table, manager, dtype);
        this.querySin = table(scaled(sin, scale), table, manager, dtype);
        float[] swap = new float[e * e];
        for (int i = 0; i < e; i++) {
            swap[((i + e / 2) % e) * e + i] = 1f; // output column i reads input row (i + E/2) mod E
        }
        this.halfSwap = table(swap, new Shape(e, e), manager, dtype);
    }

    private static NDArray table(float[] values, Shape shape, NDManager manager, DataType dtype) {
        NDArray f32 = manager.create(values, shape);
        NDArray converted = f32.toType(dtype, false);
        if (converted != f32) {
            f32.close();
        }
        return converted;
    }

    /** Tables for positions 0..T-1, shared by every row: each (1, 1, T, E), views of the model's tables. */
    public Tables forLength(int length, NDManager manager) {
        NDIndex firstRows = new NDIndex("0:{}", length);
        return new Tables(firstRows(queryCos, firstRows, manager), firstRows(querySin, firstRows, manager),
                firstRows(keyCos, firstRows, manager), firstRows(keySin, firstRows, manager));
    }

    /** Tables for explicit positions (B, T) (left-padded generation): each (B, 1, T, E). */
    public Tables forPositions(NDArray positions) {
        return new Tables(gather(positions, queryCos), gather(positions, querySin), gather(positions, keyCos),
                gather(positions, keySin));
    }

    private static NDArray firstRows(NDArray table, NDIndex rows, NDManager manager) {
        return table.get(manager, rows).expandDims(0).expandDims(0);
    }

    private static NDArray gather(NDArray positions, NDArray table) {
        return Ops.rows(positions, table).expandDims(1); // (B, T, E) -> (B, 1, T, E)
    }

    private static float[] scaled(float[] values, float scale) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * scale;
        }
        return out;
    }

    /** Applies the rotation to queries or keys (B, heads, T, E) with that side's tables. */
    NDArray rotate(NDArray x, NDArray cosTable, NDArray sinTable) {
        return x.mul(cosTable).add(x.matMul(halfSwap).mul(sinTable));
    }

    /** Cos and signed-sin tables for one forward call; the query pair is pre-scaled by 1/sqrt(E). */
    public record Tables(NDArray queryCos, NDArray querySin, NDArray keyCos, NDArray keySin) {}
}
