package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.mnemo.lm.lora.LayerAdapters;

/** One pre-norm decoder block: {@code x += attn(norm(x)); x += mlp(norm(x))}. */
public final class DecoderLayer {

    private final int index;
    private final RmsNorm inputNorm;
    private final Attention attention;
    private final RmsNorm postAttentionNorm;
    private final FeedForward feedForward;

    public DecoderLayer(int index, RmsNorm inputNorm, Attention attention, RmsNorm postAttentionNorm,
            FeedForward feedForward) {
        this.index = index;
        this.inputNorm = inputNorm;
        this.attention = attention;
        this.postAttentionNorm = postAttentionNorm;
        this.feedForward = feedForward;
    }

    public RmsNorm inputNorm() {
        return inputNorm;
    }

    public Attention attention() {
        return attention;
    }

    public RmsNorm postAttentionNorm() {
        return postAttentionNorm;
    }

    public FeedForward feedForward() {
        return feedForward;
    }

    /** (B, T, D) -> (B, T, D); {@code adapters} (may be null) add their low-rank updates to the projections. */
    NDArray forward(NDArray x, ForwardContext context, KeyValues past, LayerAdapters adapters) {
        return forward(x, 0, context, past, adapters);
    }

    /**
     * The outputs at positions {@code from..T-1} only: (B, T, D) -> (B, T - from, D). The earlier positions give
     * their keys and values to the attention and nothing else: no query, output projection or feed-forward.
     */
    NDArray forward(NDArray x, int from, ForwardContext context, KeyValues past, LayerAdapters adapters) {
        NDArray attended = attention.forward(inputNorm.forward(x), from, context, past, index, adapters);
        NDArray h = (from == 0 ? x : x.get(new NDIndex(":, {}:, :", from))).add(attended);
        return h.add(feedForward.forward(postAttentionNorm.forward(h), adapters));
    }
}
