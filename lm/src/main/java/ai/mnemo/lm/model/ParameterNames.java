package ai.mnemo.lm.model;

/**
 * Parameter names. Checkpoints use the Hugging Face names; in memory the q/k/v and gate/up projections are fused,
 * under the two extra names below.
 */
public final class ParameterNames {

    public static final String EMBEDDING = "model.embed_tokens.weight";
    public static final String FINAL_NORM = "model.norm.weight";
    public static final String LM_HEAD = "lm_head.weight";

    private ParameterNames() {}

    public static String layer(int i, String suffix) {
        return "model.layers." + i + "." + suffix;
    }

    public static String inputNorm(int i) {
        return layer(i, "input_layernorm.weight");
    }

    public static String postAttentionNorm(int i) {
        return layer(i, "post_attention_layernorm.weight");
    }

    /** Hugging Face projection names: q_proj, k_proj, v_proj, o_proj. */
    public static String attention(int i, String projection) {
        return layer(i, "self_attn." + projection + ".weight");
    }

    /** Hugging Face projection names: gate_proj, up_proj, down_proj. */
    public static String mlp(int i, String projection) {
        return layer(i, "mlp." + projection + ".weight");
    }

    /** Hugging Face bias names of q_proj, k_proj, v_proj (Qwen2). */
    public static String attentionBias(int i, String projection) {
        return layer(i, "self_attn." + projection + ".bias");
    }

    /** Fused in memory: the q, k and v biases (Qwen2) in one vector, as their weights. */
    public static String fusedQkvBias(int i) {
        return attentionBias(i, "qkv_proj");
    }

    /** Fused in memory: q_proj, k_proj and v_proj stacked along the output axis. */
    public static String fusedQkv(int i) {
        return attention(i, "qkv_proj");
    }

    /** Fused in memory: gate_proj and up_proj stacked along the output axis. */
    public static String fusedGateUp(int i) {
        return mlp(i, "gate_up_proj");
    }
}
