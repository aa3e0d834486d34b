package ai.mnemo.lm.model;

import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.config.LlamaConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Hugging Face-named tensors a config implies, with their shapes: what a checkpoint must hold. */
public final class ParameterShapes {

    private ParameterShapes() {}

    public static Map<String, Shape> of(LlamaConfig config) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        long d = config.hiddenSize();
        long q = (long) config.numAttentionHeads() * config.headSize();
        long kv = (long) config.numKeyValueHeads() * config.headSize();
        long f = config.intermediateSize();
        shapes.put(ParameterNames.EMBEDDING, new Shape(config.vocabSize(), d));
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            shapes.put(ParameterNames.inputNorm(i), new Shape(d));
            shapes.put(ParameterNames.attention(i, "q_proj"), new Shape(q, d));
            shapes.put(ParameterNames.attention(i, "k_proj"), new Shape(kv, d));
            shapes.put(ParameterNames.attention(i, "v_proj"), new Shape(kv, d));
            if (config.qkvBias()) {
                shapes.put(ParameterNames.attentionBias(i, "q_proj"), new Shape(q));
                shapes.put(ParameterNames.attentionBias(i, "k_proj"), new Shape(kv));
                shapes.put(ParameterNames.attentionBias(i, "v_proj"), new Shape(kv));
            }
            shapes.put(ParameterNames.attention(i, "o_proj"), new Shape(d, q));
            shapes.put(ParameterNames.postAttentionNorm(i), new Shape(d));
            shapes.put(ParameterNames.mlp(i, "gate_proj"), new Shape(f, d));
            shapes.put(ParameterNames.mlp(i, "up_proj"), new Shape(f, d));
            shapes.put(ParameterNames.mlp(i, "down_proj"), new Shape(d, f));
        }
        shapes.put(ParameterNames.FINAL_NORM, new Shape(d));
        if (!config.tieWordEmbeddings()) {
            shapes.put(ParameterNames.LM_HEAD, new Shape(config.vocabSize(), d));
        }
        return shapes;
    }

    /** Total number of parameters. */
    public static long count(LlamaConfig config) {
        return of(config).values().stream().mapToLong(Shape::size).sum();
    }
}
