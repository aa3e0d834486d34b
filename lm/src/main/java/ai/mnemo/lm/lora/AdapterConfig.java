package ai.mnemo.lm.lora;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * PEFT's {@code adapter_config.json} for a LoRA adapter of a causal LM, with the keys Mnemo reads and writes (PEFT
 * adds more, which reading ignores).
 *
 * @param baseModel where the frozen model is: a path relative to the adapter directory when Mnemo wrote it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AdapterConfig(
        @JsonProperty("peft_type") String peftType,
        @JsonProperty("task_type") String taskType,
        @JsonProperty("base_model_name_or_path") String baseModel,
        @JsonProperty("r") int rank,
        @JsonProperty("lora_alpha") double alpha,
        @JsonProperty("lora_dropout") double dropout,
        @JsonProperty("target_modules") List<String> targetModules,
        @JsonProperty("bias") String bias,
        @JsonProperty("fan_in_fan_out") boolean fanInFanOut,
        @JsonProperty("use_rslora") boolean useRslora,
        @JsonProperty("use_dora") boolean useDora,
        @JsonProperty("inference_mode") boolean inferenceMode) {

    static AdapterConfig of(LoraShape shape, String baseModel) {
        return new AdapterConfig("LORA", "CAUSAL_LM", baseModel, shape.rank(), shape.alpha(), 0.0,
                shape.targets().stream().sorted().map(LoraTarget::module).toList(), "none", false, false, false,
                true);
    }

    /**
     * The shape these adapters were trained with.
     *
     * @throws IllegalArgumentException for adapters Mnemo cannot run exactly (DoRA, rsLoRA, biases, Conv1D layout)
     */
    LoraShape shape() {
        if (!"LORA".equals(peftType)) {
            throw new IllegalArgumentException("peft_type " + peftType + " is not LORA");
        }
        if (useDora || useRslora || fanInFanOut || (bias != null && !"none".equals(bias))) {
            throw new IllegalArgumentException("only plain LoRA adapters are supported (use_dora, use_rslora and "
                    + "fan_in_fan_out false, bias none)");
        }
        if (targetModules == null || targetModules.isEmpty()) {
            throw new IllegalArgumentException("target_modules is missing");
        }
        return new LoraShape(rank, alpha, targetModules.stream().map(LoraTarget::ofModule)
                .collect(java.util.stream.Collectors.toSet()));
    }
}
