package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * The few fused engine ops the model needs that {@link NDArray} does not offer directly.
 *
 * <p>Every result belongs to the manager of the activation (never of the weight), so per-step arrays die with the
 * step's manager instead of piling up on the model's.
 */
public final class Ops {

    private Ops() {}

    /** {@code x @ weight^T} with a PyTorch-layout weight (out, in): (..., in) -> (..., out). */
    public static NDArray linear(NDArray x, NDArray weight) {
        return linear(x, weight, null);
    }

    /** {@code x @ weight^T + bias}; a null bias adds nothing. */
    public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }

    /** Rows of {@code table} selected by integer {@code ids}: ids (...) -> (..., width). */
    public static NDArray rows(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /**
     * {@code x * factor}. Never {@code NDArray.mul(Number)} where a gradient flows: it closes its scalar right
     * after the call, and on CPU that scalar is a view of a Java buffer the garbage collector may reuse while
     * autograd still reads it in the backward pass (LoRA gradients turned NaN after a few dozen steps). The scalar
     * made here belongs to x's manager and lives as long as the activation.
     */
    public static NDArray scale(NDArray x, double factor) {
        return x.mul(x.getManager().create((float) factor));
    }

    /** {@code x / divisor}, its scalar kept alive like {@link #scale}'s. */
    public static NDArray divide(NDArray x, double divisor) {
        return x.div(x.getManager().create((float) divisor));
    }

    /**
     * {@code x} in FP32 inside the autograd graph: DJL's {@code toType} detaches its result (no gradient flows back
     * through it), so the widening is a multiplication by a one-element FP32 one, which type promotion widens.
     */
    public static NDArray float32(NDArray x) {
        if (x.getDataType() == DataType.FLOAT32) {
            return x;
        }
        return x.mul(x.getManager().ones(new Shape(1), DataType.FLOAT32));
    }

    /** SiLU gate of SwiGLU: {@code g * sigmoid(g) * u}. */
    public static NDArray swiGlu(NDArray gate, NDArray up) {
        return gate.mul(gate.getNDArrayInternal().sigmoid()).mul(up);
    }
}
