package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * SwiGLU feed-forward: {@code down(silu(gate(x)) * up(x))}, with gate and up stored fused as one (2F, D) matrix so
 * both projections are a single matmul.
 */
public final class FeedForward {

    private final NDArray gateUpWeight; // (2F, D)
    private final NDArray downWeight; // (D, F)
    private final long hidden;

    public FeedForward(NDArray gateUpWeight, NDArray downWeight) {
        this.gateUpWeight = gateUpWeight;
        this.downWeight = downWeight;
        this.hidden = downWeight.getShape().get(1);
    }

    public NDArray gateUpWeight() {
        return gateUpWeight;
    }

    public NDArray downWeight() {
        return downWeight;
    }

    /** (B, T, D) -> (B, T, D). */
    public NDArray forward(NDArray x) {
        int last = x.getShape().dimension() - 1;
        NDList gateUp = Ops.linear(x, gateUpWeight).split(new long[] {hidden}, last); // 2 x (B, T, F)
        return Ops.linear(Ops.swiGlu(gateUp.get(0), gateUp.get(1)), downWeight);
    }
}
