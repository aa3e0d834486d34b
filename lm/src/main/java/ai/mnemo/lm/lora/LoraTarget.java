package ai.mnemo.lm.lora;

import ai.mnemo.lm.config.LlamaConfig;
import ai.mnemo.lm.model.ParameterNames;
import java.util.Arrays;
import java.util.List;

/**
 * A linear projection of a decoder layer that can carry a low-rank adapter, under the names people use for it:
 * the short name of a spec ({@code q}) and the Hugging Face module ({@code q_proj}).
 */
public enum LoraTarget {
    Q("q", "self_attn", "q_proj"),
    K("k", "self_attn", "k_proj"),
    V("v", "self_attn", "v_proj"),
    O("o", "self_attn", "o_proj"),
    GATE("gate", "mlp", "gate_proj"),
    UP("up", "mlp", "up_proj"),
    DOWN("down", "mlp", "down_proj");

    private final String shortName;
    private final String block;
    private final String module;

    LoraTarget(String shortName, String block, String module) {
        this.shortName = shortName;
        this.block = block;
        this.module = module;
    }

    /** The name in a spec: q, k, v, o, gate, up, down. */
    public String shortName() {
        return shortName;
    }

    /** The Hugging Face module name, e.g. {@code q_proj} (PEFT's {@code target_modules}). */
    public String module() {
        return module;
    }

    /** {@code model.layers.<i>.self_attn.q_proj}: the module path PEFT names adapters after. */
    public String modulePath(int layer) {
        return ParameterNames.layer(layer, block + "." + module);
    }

    /** Input width of the projection. */
    public long inFeatures(LlamaConfig config) {
        return switch (this) {
            case O -> (long) config.numAttentionHeads() * config.headSize();
            case DOWN -> config.intermediateSize();
            default -> config.hiddenSize();
        };
    }

    /** Output width of the projection. */
    public long outFeatures(LlamaConfig config) {
        return switch (this) {
            case Q -> (long) config.numAttentionHeads() * config.headSize();
            case K, V -> (long) config.numKeyValueHeads() * config.headSize();
            case GATE, UP -> config.intermediateSize();
            case O, DOWN -> config.hiddenSize();
        };
    }

    public static LoraTarget ofShortName(String name) {
        return Arrays.stream(values()).filter(t -> t.shortName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown LoRA target '" + name + "' (known: "
                        + String.join(", ", shortNames()) + ")"));
    }

    public static LoraTarget ofModule(String module) {
        return Arrays.stream(values()).filter(t -> t.module.equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown LoRA target module '" + module + "'"));
    }

    public static List<String> shortNames() {
        return Arrays.stream(values()).map(LoraTarget::shortName).toList();
    }
}
