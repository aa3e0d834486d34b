package ai.mnemo.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.config.LlamaConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts between the Hugging Face parameter layout (separate q/k/v and gate/up projections) and the fused
 * in-memory layout. Both directions check that every expected tensor is present with the expected shape.
 */
public final class WeightLayout {

    private WeightLayout() {}

    /**
     * Hugging Face names -> fused names. Every tensor the config implies must be present with its shape; the
     * inputs that get fused, and tensors the model does not use, are closed.
     */
    public static Map<String, NDArray> fuse(LlamaConfig config, Map<String, NDArray> hf) {
        ParameterShapes.of(config).forEach((name, shape) -> requireShape(hf, name, shape));
        Map<String, NDArray> fused = new LinkedHashMap<>();
        fused.put(ParameterNames.EMBEDDING, hf.remove(ParameterNames.EMBEDDING));
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            fused.put(ParameterNames.inputNorm(i), hf.remove(ParameterNames.inputNorm(i)));
            fused.put(ParameterNames.fusedQkv(i), stack(hf.remove(ParameterNames.attention(i, "q_proj")),
                    hf.remove(ParameterNames.attention(i, "k_proj")), hf.remove(ParameterNames.attention(i, "v_proj"))));
            if (config.qkvBias()) {
                fused.put(ParameterNames.fusedQkvBias(i), stack(hf.remove(ParameterNames.attentionBias(i, "q_proj")),
                        hf.remove(ParameterNames.attentionBias(i, "k_proj")),
                        hf.remove(ParameterNames.attentionBias(i, "v_proj"))));
            }
            fused.put(ParameterNames.attention(i, "o_proj"), hf.remove(ParameterNames.attention(i, "o_proj")));
            fused.put(ParameterNames.postAttentionNorm(i), hf.remove(ParameterNames.postAttentionNorm(i)));
            fused.put(ParameterNames.fusedGateUp(i), stack(hf.remove(ParameterNames.mlp(i, "gate_proj")),
                    hf.remove(ParameterNames.mlp(i, "up_proj"))));
            fused.put(ParameterNames.mlp(i, "down_proj"), hf.remove(ParameterNames.mlp(i, "down_proj")));
        }
        fused.put(ParameterNames.FINAL_NORM, hf.remove(ParameterNames.FINAL_NORM));
        if (!config.tieWordEmbeddings()) {
            fused.put(ParameterNames.LM_HEAD, hf.remove(ParameterNames.LM_HEAD));
        }
        hf.values().forEach(NDArray::close); // e.g. rotary inv_freq buffers of older exports
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
            boolean bias = layer >= 0 && name.equals(ParameterNames.fusedQkvBias(layer));
            if (bias || layer >= 0 && name.equals(ParameterNames.fusedQkv(layer))) {
                long q = config.numAttentionHeads() * e;
                long kv = config.numKeyValueHeads() * e;
                NDList parts = value.split(new long[] {q, q + kv}, 0);
                int i = 0;
                for (String projection : new String[] {"q_proj", "k_proj", "v_proj"}) {
                    hf.put(bias ? ParameterNames.attentionBias(layer, projection)
                            : ParameterNames.attention(layer, projection), parts.get(i++));
                }
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

    /**
     * The tensor {@code name} of {@code weights}, which must have {@code shape}.
     *
     * @throws IllegalArgumentException naming the tensor when it is missing or has another shape
     */
    public static NDArray requireShape(Map<String, NDArray> weights, String name, Shape shape) {
        NDArray value = weights.get(name);
        if (value == null) {
            throw new IllegalArgumentException("checkpoint has no tensor " + name);
        }
        if (!value.getShape().equals(shape)) {
            throw new IllegalArgumentException("tensor " + name + " has shape " + value.getShape()
                    + ", the config implies " + shape);
        }
        return value;
    }
}
