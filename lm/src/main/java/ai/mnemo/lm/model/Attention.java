package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.lora.LayerAdapters;
import ai.mnemo.lm.lora.LoraTarget;

/**
 * Multi-head self-attention with grouped key/value heads and rotary positions.
 *
 * <p>The q, k and v projections are stored fused as one (H*E + 2*K*E, D) matrix: one matmul instead of three. For
 * grouped heads, queries are viewed as (B, K, G*T, E) so each key/value head serves its G query heads without
 * copying keys or values.
 */
public final class Attention {

    private final NDArray qkvWeight; // ((H + 2K) * E, D)
    private final NDArray qkvBias; // ((H + 2K) * E), Qwen2's; null without
    private final NDArray outWeight; // (D, H * E)
    private final RotaryEmbedding rope;
    private final int heads;
    private final int kvHeads;
    private final int headSize;

    /** {@code qkvBias} may be null (no bias, as Llama and Mistral). */
    public Attention(LlamaConfig config, NDArray qkvWeight, NDArray qkvBias, NDArray outWeight,
            RotaryEmbedding rope) {
        this.qkvWeight = qkvWeight;
        this.qkvBias = qkvBias;
        this.outWeight = outWeight;
        this.rope = rope;
        this.heads = config.numAttentionHeads();
        this.kvHeads = config.numKeyValueHeads();
        this.headSize = config.headSize();
    }

    public NDArray qkvWeight() {
        return qkvWeight;
    }

    public NDArray outWeight() {
        return outWeight;
    }

    /**
     * The queries at positions {@code from..T-1} (all with 0): (B, T, D) -> (B, T - from, D). Every position gives
     * its key and value; with {@code past} (may be null) the queries attend to the positions before these too (a
     * cache appends this call's); with adapters (may be null), their updates join the projections.
     */
    NDArray forward(NDArray x, int from, ForwardContext context, KeyValues past, int layer,
            LayerAdapters adapters) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        long queries = t - from;
        long groups = heads / kvHeads;
        ForwardContext own = context.queriesFrom(from, (int) groups);
        NDArray qkv = Ops.linear(x, qkvWeight, qkvBias);
        if (adapters != null) {
            qkv = adapters.addQkv(x, qkv);
        }
        qkv = qkv.reshape(b, t, heads + 2L * kvHeads, headSize)
                .transpose(0, 2, 1, 3); // (B, H + 2K, T, E)
        NDList parts = qkv.split(new long[] {heads, heads + kvHeads}, 1);
        NDArray queried = from == 0 ? parts.get(0) : parts.get(0).get(new NDIndex(":, :, {}:, :", from));
        RotaryEmbedding.Tables tables = own.rope();
        NDArray query = rope.rotate(queried, tables.queryCos(), tables.querySin()); // (B, H, Tq, E), scaled
        NDArray key = rope.rotate(parts.get(1), tables.keyCos(), tables.keySin()); // (B, K, T, E)
        NDArray value = parts.get(2); // (B, K, T, E)
        if (past != null) {
            key = past.keys(layer, key); // (B, K, Tk, E)
            value = past.values(layer, value);
        }
        NDArray scores = query.reshape(b, kvHeads, groups * queries, headSize)
                .matMul(key.transpose(0, 1, 3, 2))
                .add(own.mask()); // (B, K, G*Tq, Tk)
        NDArray mixed = scores.softmax(3).matMul(value); // (B, K, G*Tq, E)
        NDArray merged = mixed.reshape(b, heads, queries, headSize)
                .transpose(0, 2, 1, 3)
                .reshape(b, queries, (long) heads * headSize); // (B, Tq, H*E)
        NDArray out = Ops.linear(merged, outWeight);
        return adapters == null ? out : adapters.add(LoraTarget.O, merged, out);
    }
}
