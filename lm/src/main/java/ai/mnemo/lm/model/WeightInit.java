package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.util.SeededRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Random initial weights from a seed, drawn in Java so a preset is the same on every engine and machine:
 * matrices ~ N(0, 0.02^2) as Hugging Face's {@code initializer_range}, norm weights 1.
 */
public final class WeightInit {

    private static final double STD = 0.02;

    private WeightInit() {}

    /** Hugging Face-named weights. */
    public static Map<String, NDArray> random(LlamaConfig config, long seed, NDManager manager) {
        SeededRandom random = new SeededRandom(seed);
        Map<String, NDArray> weights = new LinkedHashMap<>();
        long d = config.hiddenSize();
        long q = (long) config.numAttentionHeads() * config.headSize();
        long kv = (long) config.numKeyValueHeads() * config.headSize();
        long f = config.intermediateSize();
        weights.put(ParameterNames.EMBEDDING, normal(random, manager, config.vocabSize(), d));
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            weights.put(ParameterNames.inputNorm(i), ones(manager, d));
            weights.put(ParameterNames.attention(i, "q_proj"), normal(random, manager, q, d));
            weights.put(ParameterNames.attention(i, "k_proj"), normal(random, manager, kv, d));
            weights.put(ParameterNames.attention(i, "v_proj"), normal(random, manager, kv, d));
            weights.put(ParameterNames.attention(i, "o_proj"), normal(random, manager, d, q));
            weights.put(ParameterNames.postAttentionNorm(i), ones(manager, d));
            weights.put(ParameterNames.mlp(i, "gate_proj"), normal(random, manager, f, d));
            weights.put(ParameterNames.mlp(i, "up_proj"), normal(random, manager, f, d));
            weights.put(ParameterNames.mlp(i, "down_proj"), normal(random, manager, d, f));
        }
        weights.put(ParameterNames.FINAL_NORM, ones(manager, d));
        if (!config.tieWordEmbeddings()) {
            weights.put(ParameterNames.LM_HEAD, normal(random, manager, config.vocabSize(), d));
        }
        return weights;
    }

    private static NDArray normal(SeededRandom random, NDManager manager, long rows, long cols) {
        float[] values = new float[Math.toIntExact(rows * cols)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * STD);
        }
        return manager.create(values, new Shape(rows, cols));
    }

    private static NDArray ones(NDManager manager, long size) {
        float[] values = new float[Math.toIntExact(size)];
        Arrays.fill(values, 1f);
        return manager.create(values, new Shape(size));
    }
}
