package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;

/** Root-mean-square layer norm: {@code x / sqrt(mean(x^2) + eps) * weight} over the last axis. */
public final class RmsNorm {

    private static final int[] LAST_AXIS = {-1};

    private final NDArray weight; // (D)
    // A tensor the model owns, never a Java number: DJL turns a number operand into a temporary tensor it frees
    // right after the op, while autograd may still hold it for the backward pass.
    private final NDArray eps; // ()

    public RmsNorm(NDArray weight, NDArray eps) {
        this.weight = weight;
        this.eps = eps;
    }

    public NDArray weight() {
        return weight;
    }

    /** (..., D) -> (..., D). */
    public NDArray forward(NDArray x) {
        NDArray rms = x.square().mean(LAST_AXIS, true).add(eps).sqrt(); // (..., 1)
        return x.div(rms).mul(weight);
    }
}
