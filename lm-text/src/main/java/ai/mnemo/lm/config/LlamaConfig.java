package ai.mnemo.lm.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The architecture of a Llama-family decoder, as a Hugging Face {@code config.json} describes it.
 *
 * <p>Dimension letters used across the model code: B batch, T sequence, D {@code hiddenSize}, H query heads,
 * K key/value heads, E head size ({@code D / H}), F {@code intermediateSize}, V {@code vocabSize}.
 *
 * @param hiddenSize D, the width of the residual stream
 * @param numHiddenLayers number of decoder layers
 * @param numAttentionHeads H, query heads
 * @param numKeyValueHeads K, key/value heads (K divides H; K &lt; H is grouped-query attention)
 * @param intermediateSize F, the SwiGLU hidden width
 * @param rmsNormEps epsilon inside every RMSNorm
 * @param ropeTheta base of the rotary frequencies
 * @param vocabSize V
 * @param tieWordEmbeddings whether the LM head reuses the embedding matrix
 * @param maxPositionEmbeddings longest sequence the rotary tables cover
 * @param bosTokenId id prepended to every sequence
 * @param eosTokenId id that ends a generation
 * @param modelType {@code llama}, {@code mistral} (the same blocks) or {@code qwen2} (biases on the q, k and v
 *     projections); kept so a saved checkpoint keeps its family
 * @param slidingWindow Mistral's attention window, or null; Mnemo attends over the full causal context, so it
 *     refuses sequences longer than the window instead of computing something else
 * @param ropeScaling Llama-3.1's scaled rotary frequencies, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LlamaConfig(
        @JsonProperty("hidden_size") int hiddenSize,
        @JsonProperty("num_hidden_layers") int numHiddenLayers,
        @JsonProperty("num_attention_heads") int numAttentionHeads,
        @JsonProperty("num_key_value_heads") int numKeyValueHeads,
        @JsonProperty("intermediate_size") int intermediateSize,
        @JsonProperty("rms_norm_eps") double rmsNormEps,
        @JsonProperty("rope_theta") double ropeTheta,
        @JsonProperty("vocab_size") int vocabSize,
        @JsonProperty("tie_word_embeddings") boolean tieWordEmbeddings,
        @JsonProperty("max_position_embeddings") int maxPositionEmbeddings,
        @JsonProperty("bos_token_id") int bosTokenId,
        @JsonProperty("eos_token_id") int eosTokenId,
        @JsonProperty("model_type") String modelType,
        @JsonProperty("sliding_window") Integer slidingWindow,
        @JsonProperty("rope_scaling") RopeScaling ropeScaling) {

    public static final String LLAMA = "llama";
    public static final String MISTRAL = "mistral";
    public static final String QWEN2 = "qwen2";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LlamaConfig {
        modelType = modelType == null ? LLAMA : modelType;
        require(modelType.equals(LLAMA) || modelType.equals(MISTRAL) || modelType.equals(QWEN2),
                "model_type " + modelType + " is not a supported decoder (llama, mistral, qwen2)");
        require(hiddenSize > 0, "hidden_size must be positive");
        require(numHiddenLayers > 0, "num_hidden_layers must be positive");
        require(numAttentionHeads > 0, "num_attention_heads must be positive");
        require(hiddenSize % numAttentionHeads == 0, "hidden_size must be divisible by num_attention_heads");
        require((hiddenSize / numAttentionHeads) % 2 == 0, "the head size must be even for rotary embeddings");
        require(numKeyValueHeads > 0 && numAttentionHeads % numKeyValueHeads == 0,
                "num_key_value_heads must divide num_attention_heads");
        require(intermediateSize > 0, "intermediate_size must be positive");
        require(rmsNormEps > 0, "rms_norm_eps must be positive");
        require(ropeTheta > 0, "rope_theta must be positive");
        require(vocabSize > 0, "vocab_size must be positive");
        require(maxPositionEmbeddings > 0, "max_position_embeddings must be positive");
        require(bosTokenId >= 0 && bosTokenId < vocabSize, "bos_token_id must be inside the vocabulary");
        require(eosTokenId >= 0 && eosTokenId < vocabSize, "eos_token_id must be inside the vocabulary");
    }

    /** E, the size of one attention head. */
    public int headSize() {
        return hiddenSize / numAttentionHeads;
    }

    /** Whether the q, k and v projections carry a bias (Qwen2). */
    public boolean qkvBias() {
        return modelType.equals(QWEN2);
    }

    /** H / K: how many query heads share one key/value head. */
    public int queriesPerKeyValue() {
        return numAttentionHeads / numKeyValueHeads;
    }

    /** The longest sequence this model may attend over. */
    public int maxSequenceLength() {
        return slidingWindow == null ? maxPositionEmbeddings : Math.min(maxPositionEmbeddings, slidingWindow);
    }

    /** Reads a Hugging Face {@code config.json}; {@code eos_token_id} may be a list (the first one is used). */
    public static LlamaConfig read(Path configJson) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(configJson.toFile());
            rejectUnsupported(node);
            if (QWEN2.equals(node.path("model_type").asText()) && !node.path("use_sliding_window").asBoolean()) {
                node.remove("sliding_window"); // Qwen2 lists a window it does not use unless use_sliding_window
            }
            normaliseTokenId(node, "eos_token_id");
            normaliseTokenId(node, "bos_token_id");
            node.putIfAbsent("num_key_value_heads", node.get("num_attention_heads"));
            node.putIfAbsent("rope_theta", JSON.getNodeFactory().numberNode(10000.0));
            node.putIfAbsent("tie_word_embeddings", JSON.getNodeFactory().booleanNode(false));
            return JSON.treeToValue(node, LlamaConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model config " + configJson, e);
        }
    }

    /** Writes {@code config.json} with the keys a Hugging Face {@code LlamaForCausalLM} loader expects. */
    public void write(Path configJson) {
        ObjectNode node = JSON.valueToTree(this);
        if (slidingWindow == null) {
            node.remove("sliding_window");
        } else if (qkvBias()) {
            node.put("use_sliding_window", true);
        }
        if (ropeScaling == null) {
            node.remove("rope_scaling");
        }
        node.putArray("architectures").add(switch (modelType) {
            case MISTRAL -> "MistralForCausalLM";
            case QWEN2 -> "Qwen2ForCausalLM";
            default -> "LlamaForCausalLM";
        });
        node.put("hidden_act", "silu");
        node.put("torch_dtype", "float32");
        if (!qkvBias()) {
            node.put("attention_bias", false);
        }
        try {
            JSON.writeValue(configJson.toFile(), node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model config " + configJson, e);
        }
    }

    private static void rejectUnsupported(ObjectNode node) {
        JsonNode scaling = node.get("rope_scaling");
        if (scaling != null && !scaling.isNull()) {
            String type = scaling.path("rope_type").asText(scaling.path("type").asText());
            require(RopeScaling.LLAMA3.equals(type), "rope_scaling type " + type + " is not supported (llama3 only)");
        }
        JsonNode act = node.get("hidden_act");
        require(act == null || act.asText().equals("silu"), "hidden_act " + act + " is not supported (silu only)");
        JsonNode bias = node.get("attention_bias");
        require(bias == null || !bias.asBoolean(), "attention_bias is not supported");
    }

    private static void normaliseTokenId(ObjectNode node, String key) {
        JsonNode value = node.get(key);
        if (value != null && value.isArray()) {
            node.set(key, value.get(0));
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("invalid model config: " + message);
        }
    }
}
