package ai.mnemo.lm.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.model.Ops;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The adapters of one decoder layer, applied beside the frozen projections: {@code y = x W^T + s (x A^T) B^T}
 * with {@code s = alpha / r}. The model stores q/k/v and gate/up fused, so those adapters add their update to
 * their slice of the fused output; a projection without an adapter gets no update.
 */
public final class LayerAdapters {

    private static final List<LoraTarget> QKV = List.of(LoraTarget.Q, LoraTarget.K, LoraTarget.V);
    private static final List<LoraTarget> GATE_UP = List.of(LoraTarget.GATE, LoraTarget.UP);

    private final LlamaConfig config;
    private final float scale;
    private final Map<LoraTarget, Pair> pairs;

    /** A (r, in) and B (out, r) of one projection. */
    public record Pair(NDArray a, NDArray b) {}

    LayerAdapters(LlamaConfig config, double scale, Map<LoraTarget, Pair> pairs) {
        this.config = config;
        this.scale = (float) scale;
        this.pairs = new EnumMap<>(pairs);
    }

    public Map<LoraTarget, Pair> pairs() {
        return pairs;
    }

    /** {@code base} (..., out) of projection {@code target} of input {@code x}, plus its adapter's update. */
    public NDArray add(LoraTarget target, NDArray x, NDArray base) {
        Pair pair = pairs.get(target);
        return pair == null ? base : base.add(update(pair, x));
    }

    /** The fused q/k/v output plus the updates of the adapted ones among q, k, v. */
    public NDArray addQkv(NDArray x, NDArray base) {
        return addFused(QKV, x, base);
    }

    /** The fused gate/up output plus the updates of the adapted ones among gate, up. */
    public NDArray addGateUp(NDArray x, NDArray base) {
        return addFused(GATE_UP, x, base);
    }

    private NDArray addFused(List<LoraTarget> parts, NDArray x, NDArray base) {
        if (parts.stream().noneMatch(pairs::containsKey)) {
            return base;
        }
        int last = x.getShape().dimension() - 1;
        NDList updates = new NDList(parts.size());
        for (LoraTarget part : parts) {
            Pair pair = pairs.get(part);
            if (pair != null) {
                updates.add(update(pair, x));
            } else {
                long[] shape = x.getShape().getShape().clone();
                shape[last] = part.outFeatures(config);
                updates.add(x.getManager().zeros(new Shape(shape), x.getDataType()));
            }
        }
        return base.add(NDArrays.concat(updates, last));
    }

    /** {@code s (x A^T) B^T}: (..., in) -> (..., out). */
    private NDArray update(Pair pair, NDArray x) {
        return Ops.scale(Ops.linear(Ops.linear(x, pair.a()), pair.b()), scale);
    }

    /** {@code s B A}, the update as a weight (out, in), to merge it into the frozen weight. */
    NDArray weightUpdate(LoraTarget target) {
        Pair pair = pairs.get(target);
        return Ops.scale(pair.b().matMul(pair.a()), scale);
    }
}
