package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.lora.LayerAdapters;
import ai.mnemo.lm.lora.LoraAdapters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Llama-family decoder: token embedding, N decoder layers, final RMSNorm, LM head.
 *
 * <p>The model owns its weights (on its own manager) and nothing else: every per-call array lives on the manager of
 * the token ids passed in, so the caller frees a step's activations by closing that manager.
 */
public final class Llama implements AutoCloseable {

    private final LlamaConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> parameters; // fused names, in a stable order
    private final NDArray embedding; // (V, D)
    private final List<DecoderLayer> layers;
    private final RmsNorm finalNorm;
    private final NDArray lmHead; // (V, D); the embedding itself when tied
    private final RotaryEmbedding rope;
    private final DataType dtype; // of every weight and activation; the mask and rotary tables follow it
    private LoraAdapters adapters; // null: the weights alone

    private Llama(LlamaConfig config, Map<String, NDArray> fused, NDManager manager) {
        this.config = config;
        this.manager = manager;
        this.parameters = Collections.unmodifiableMap(fused);
        this.embedding = fused.get(ParameterNames.EMBEDDING);
        this.dtype = embedding.getDataType();
        this.rope = new RotaryEmbedding(config, manager, dtype);
        NDArray eps = manager.create((float) config.rmsNormEps()).toType(dtype, false);
        List<DecoderLayer> built = new ArrayList<>();
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            built.add(new DecoderLayer(i,
                    new RmsNorm(fused.get(ParameterNames.inputNorm(i)), eps),
                    new Attention(config, fused.get(ParameterNames.fusedQkv(i)),
                            fused.get(ParameterNames.fusedQkvBias(i)), fused.get(ParameterNames.attention(i, "o_proj")),
                            rope),
                    new RmsNorm(fused.get(ParameterNames.postAttentionNorm(i)), eps),
                    new FeedForward(fused.get(ParameterNames.fusedGateUp(i)),
                            fused.get(ParameterNames.mlp(i, "down_proj")))));
        }
        this.layers = List.copyOf(built);
        this.finalNorm = new RmsNorm(fused.get(ParameterNames.FINAL_NORM), eps);
        this.lmHead = config.tieWordEmbeddings() ? embedding : fused.get(ParameterNames.LM_HEAD);
    }

    /**
     * Builds the model from Hugging Face-named weights, which must live on {@code manager}; the model takes
     * ownership of the manager and closes it on {@link #close()}.
     */
    public static Llama fromWeights(LlamaConfig config, Map<String, NDArray> hfWeights, NDManager manager) {
        return new Llama(config, WeightLayout.fuse(config, hfWeights), manager);
    }

    /**
     * As {@link #fromWeights(LlamaConfig, Map, NDManager)} with every weight converted to {@code dtype} first (the
     * inputs are closed): the model then computes in that dtype.
     */
    public static Llama fromWeights(LlamaConfig config, Map<String, NDArray> hfWeights, NDManager manager,
            DataType dtype) {
        Map<String, NDArray> converted = new LinkedHashMap<>();
        hfWeights.forEach((name, w) -> {
            NDArray c = w.toType(dtype, false);
            if (c != w) {
                w.close();
            }
            converted.put(name, c);
        });
        return fromWeights(config, converted, manager);
    }

    /** A freshly initialised model (see {@link WeightInit}). */
    public static Llama initialize(LlamaConfig config, long seed, NDManager manager) {
        return fromWeights(config, WeightInit.random(config, seed, manager), manager);
    }

    public LlamaConfig config() {
        return config;
    }

    public NDManager manager() {
        return manager;
    }

    /** The dtype of the weights, in which the model computes. */
    public DataType dtype() {
        return dtype;
    }

    /** Every trainable tensor under its in-memory (fused) name. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /**
     * Runs every forward pass with these low-rank adapters beside the (then frozen) weights, until detached with
     * null; training then updates the adapters only.
     */
    public void attach(LoraAdapters lora) {
        if (lora != null && !lora.config().equals(config)) {
            throw new IllegalArgumentException("the adapters were made for another architecture");
        }
        this.adapters = lora;
    }

    /** The attached adapters, or null. */
    public LoraAdapters adapters() {
        return adapters;
    }

    /** What training updates: the adapters when attached, else every weight. */
    public Map<String, NDArray> trainableParameters() {
        return adapters != null ? adapters.parameters() : parameters;
    }

    /** Hugging Face-named views of the weights, for saving. */
    public Map<String, NDArray> huggingFaceWeights() {
        return WeightLayout.unfuse(config, parameters);
    }

    /** Causal context for rows that all start at position 0 (training, right padding). */
    public ForwardContext causalContext(int length, NDManager scope) {
        return new ForwardContext(rope.forLength(length, scope),
                inModelDtype(AttentionMask.causal(length, config.queriesPerKeyValue(), scope)));
    }

    /**
     * Context for left-padded rows: this call's T tokens follow {@code past} cached positions and row b begins
     * with {@code padding[b]} padding tokens; rotary positions count from each row's first real token.
     */
    public ForwardContext leftPaddedContext(int[] padding, int past, int length, NDManager scope) {
        long[] positions = new long[padding.length * length];
        for (int b = 0; b < padding.length; b++) {
            for (int i = 0; i < length; i++) {
                positions[b * length + i] = Math.max(0, past + i - padding[b]);
            }
        }
        NDArray positionIds = scope.create(positions, new ai.djl.ndarray.types.Shape(padding.length, length));
        return new ForwardContext(rope.forPositions(positionIds),
                inModelDtype(AttentionMask.leftPadded(padding, past, length, config.queriesPerKeyValue(), scope)));
    }

    /**
     * A mask in the weights' dtype, so that adding it does not promote half-precision scores to FP32. In fp16 its
     * -1e9 becomes -inf, which is harmless: every query sees at least itself, so no row is all -inf.
     */
    private NDArray inModelDtype(NDArray mask) {
        return mask.toType(dtype, false);
    }

    /** Token ids (B, T) -> hidden states after the last layer (B, T, D), before the final norm. */
    public NDArray hidden(NDArray tokenIds, ForwardContext context, KvCache cache) {
        return hidden(tokenIds, 0, context, cache);
    }

    /**
     * Token ids (B, T) -> hidden states after the last layer at positions {@code from..T-1} only (B, T - from, D):
     * what a loss or a next-token choice reads when the earlier positions only serve as context. The last layer
     * then computes the earlier positions' keys and values alone (for a 2-layer model, nearly half the work).
     */
    public NDArray hidden(NDArray tokenIds, int from, ForwardContext context, KvCache cache) {
        return run(Ops.rows(tokenIds, embedding), from, context, cache);
    }

    /**
     * Training rows (B, T), starting at position 0 and beginning with the same {@code shared} tokens -> hidden states
     * after the last layer at positions {@code from..T-1} (B, T - from, D), {@code shared <= from}. The shared
     * prefix runs through the layers once, as one row ({@link SharedPrefix}), and the rest of every row attends to
     * its keys and values; with {@code shared} 0 this is {@link #hidden(NDArray, int, ForwardContext, KvCache)} over
     * a causal context.
     */
    public NDArray hiddenOfRows(NDArray tokenIds, int shared, int from, NDManager scope) {
        long rows = tokenIds.getShape().get(0);
        int length = Math.toIntExact(tokenIds.getShape().get(1));
        if (shared < 0 || shared > from || from >= length) {
            throw new IllegalArgumentException("a shared prefix of " + shared + " and outputs from position " + from
                    + " in rows of " + length);
        }
        ForwardContext context = causalContext(length, scope);
        if (shared == 0) {
            return hidden(tokenIds, from, context, null);
        }
        SharedPrefix prefix = new SharedPrefix(layers.size());
        NDArray prefixIds = tokenIds.get(new NDIndex("0:1, 0:{}", shared));
        run(Ops.rows(prefixIds, embedding), shared - 1, causalContext(shared, scope), prefix.recording());
        NDArray restIds = tokenIds.get(new NDIndex(":, {}:", shared));
        return run(Ops.rows(restIds, embedding), from - shared,
                context.positionsFrom(shared, config.queriesPerKeyValue()), prefix.prepending(rows));
    }

    /** The embedded tokens through every layer; the last one computes positions {@code from..} only. */
    private NDArray run(NDArray x, int from, ForwardContext context, KeyValues past) {
        int last = layers.size() - 1;
        for (int i = 0; i <= last; i++) {
            LayerAdapters layerAdapters = adapters == null ? null : adapters.layer(i);
            x = layers.get(i).forward(x, i == last ? from : 0, context, past, layerAdapters);
        }
        return x;
    }

    /**
     * Token ids (B, T) -> the residual stream at every depth: the embedding output, then the output of each layer
     * (L + 1 arrays of (B, T, D)); the last one is {@link #hidden}'s result.
     */
    public List<NDArray> residualStream(NDArray tokenIds, ForwardContext context, KvCache cache) {
        List<NDArray> states = new ArrayList<>(layers.size() + 1);
        NDArray x = Ops.rows(tokenIds, embedding);
        states.add(x);
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).forward(x, context, cache, adapters == null ? null : adapters.layer(i));
            states.add(x);
        }
        return states;
    }

    /** Hidden states (..., D) -> logits (..., V). */
    public NDArray logits(NDArray hidden) {
        return Ops.linear(finalNorm.forward(hidden), lmHead);
    }

    /** Full-sequence logits (B, T, V) for rows starting at position 0. */
    public NDArray logits(NDArray tokenIds, NDManager scope) {
        int length = Math.toIntExact(tokenIds.getShape().get(1));
        return logits(hidden(tokenIds, causalContext(length, scope), null));
    }

    /** Switches gradient recording on for every trainable parameter (idempotent). */
    public void enableGradients() {
        for (NDArray parameter : trainableParameters().values()) {
            if (!parameter.hasGradient()) {
                parameter.setRequiresGradient(true);
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
