package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.mnemo.lm.config.LlamaConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts between the Hugging Face parameter layout (separate q/k/v and gate/up projections) and the fused
 * in-memory layout. Both directions check that every expected tensor is present with the expected shape.
 */
public final class WeightLayout {

    private WeightLayout() {}

    /** Hugging Face names -> fused names. The inputs that get fused are closed. */
    public static Map<String, NDArray> fuse(LlamaConfig config, Map<String, NDArray> hf) {
        Map<String, NDArray> fused = new LinkedHashMap<>();
        long d = config.hiddenSize();
        long e = config.headSize();
        fused.put(ParameterNames.EMBEDDING, take(hf, ParameterNames.EMBEDDING, config.vocabSize(), d));
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            long qRows = config.numAttentionHeads() * e;
            long kvRows = config.numKeyValueHeads() * e;
            fused.put(ParameterNames.inputNorm(i), take(hf, ParameterNames.inputNorm(i), d));
            fused.put(ParameterNames.fusedQkv(i), stack(
                    take(hf, ParameterNames.attention(i, "q_proj"), qRows, d),
                    take(hf, ParameterNames.attention(i, "k_proj"), kvRows, d),
                    take(hf, ParameterNames.attention(i, "v_proj"), kvRows, d)));
            fused.put(ParameterNames.attention(i, "o_proj"), take(hf, ParameterNames.attention(i, "o_proj"), d, qRows));
            fused.put(ParameterNames.postAttentionNorm(i), take(hf, ParameterNames.postAttentionNorm(i), d));
            long f = config.intermediateSize();
            fused.put(ParameterNames.fusedGateUp(i), stack(
                    take(hf, ParameterNames.mlp(i, "gate_proj"), f, d),
                    take(hf, ParameterNames.mlp(i, "up_proj"), f, d)));
            fused.put(ParameterNames.mlp(i, "down_proj"), take(hf, ParameterNames.mlp(i, "down_proj"), d, f));
        }
        fused.put(ParameterNames.FINAL_NORM, take(hf, ParameterNames.FINAL_NORM, d));
        if (!config.tieWordEmbeddings()) {
            fused.put(ParameterNames.LM_HEAD, take(hf, ParameterNames.LM_HEAD, config.vocabSize(), d));
        }
        return fused;
    }

    /** Fused names -> Hugging Face names, as new arrays (views for the fused ones) on the given arrays' managers. */
    public static Map<String, NDArray> unfuse(LlamaConfig config, Map<String, NDArray> fused) {
        Map<String, NDArray> hf = new LinkedHashMap<>();
        long e = config.headSize();
        for (Map.Entry<String, NDArray> entry : fused.entrySet()) {
            String name = entry.getKey();
            NDArray value = entry.getValue();
            int layer = layerOf(name);
            if (layer >= 0 && name.equals(ParameterNames.fusedQkv(layer))) {
                long q = config.numAttentionHeads() * e;
                long kv = config.numKeyValueHeads() * e;
                NDList parts = value.split(new long[] {q, q + kv}, 0);
                hf.put(ParameterNames.attention(layer, "q_proj"), parts.get(0));
                hf.put(ParameterNames.attention(layer, "k_proj"), parts.get(1));
                hf.put(ParameterNames.attention(layer, "v_proj"), parts.get(2));
            } else if (layer >= 0 && name.equals(ParameterNames.fusedGateUp(layer))) {
                NDList parts = value.split(2, 0);
                hf.put(ParameterNames.mlp(layer, "gate_proj"), parts.get(0));
                hf.put(ParameterNames.mlp(layer, "up_proj"), parts.get(1));
            } else {
                hf.put(name, value);
            }
        }
        return hf;
    }

    private static int layerOf(String name) {
        if (!name.startsWith("model.layers.")) {
            return -1;
        }
        int start = "model.layers.".length();
        return Integer.parseInt(name.substring(start, name.indexOf('.', start)));
    }

    private static NDArray stack(NDArray... parts) {
        NDArray joined = NDArrays.concat(new NDList(parts), 0);
        for (NDArray part : parts) {
            part.close();
        }
        return joined;
    }

    private static NDArray take(Map<String, NDArray> weights, String name, long... shape) {
        NDArray value = weights.get(name);
        if (value == null) {
            throw new IllegalArgumentException("checkpoint has no tensor " + name);
        }
        long[] actual = value.getShape().getShape();
        if (!java.util.Arrays.equals(actual, shape)) {
            throw new IllegalArgumentException("tensor " + name + " has shape " + value.getShape()
                    + ", the config implies " + new ai.djl.ndarray.types.Shape(shape));
        }
        return value;
    }
}
