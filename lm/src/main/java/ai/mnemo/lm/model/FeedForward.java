package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.mnemo.lm.lora.LayerAdapters;
import ai.mnemo.lm.lora.LoraTarget;

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

    /** (B, T, D) -> (B, T, D); with adapters (may be null), their updates join the projections. */
    public NDArray forward(NDArray x, LayerAdapters adapters) {
        int last = x.getShape().dimension() - 1;
        NDArray projected = Ops.linear(x, gateUpWeight);
        if (adapters != null) {
            projected = adapters.addGateUp(x, projected);
        }
        NDList gateUp = projected.split(new long[] {hidden}, last); // 2 x (B, T, F)
        NDArray h = Ops.swiGlu(gateUp.get(0), gateUp.get(1));
        NDArray out = Ops.linear(h, downWeight);
        return adapters == null ? out : adapters.add(LoraTarget.DOWN, h, out);
    }
}
