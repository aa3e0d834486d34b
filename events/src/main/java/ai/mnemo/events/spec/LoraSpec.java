package ai.mnemo.events.spec;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The {@code lora} method's adapters: rank, alpha (the update is scaled by {@code alpha / rank}, as PEFT's
 * {@code lora_alpha}), the projections that get one, and the stages trained through adapters.
 *
 * @param targetModules among q, k, v, o, gate, up, down; default all seven
 * @param alpha default twice the rank
 * @param stages default every stage after stage 0
 */
public record LoraSpec(Integer rank, Double alpha, List<String> targetModules, List<Integer> stages) {

    public LoraSpec {
        targetModules = SpecLists.copy(targetModules);
        stages = SpecLists.copy(stages);
    }

    /** Every default applied but alpha's, which follows the rank (a grid may still change the rank). */
    public LoraSpec resolve(int stageCount) {
        return new LoraSpec(SpecDefaults.or(rank, SpecDefaults.LORA_RANK), alpha,
                SpecDefaults.or(targetModules, SpecVocabulary.LORA_TARGETS),
                SpecDefaults.or(stages, IntStream.range(1, stageCount).boxed().toList()));
    }

    /** Alpha as written, else twice the rank. */
    public double alphaOrDefault() {
        return alpha != null ? alpha : 2.0 * rank;
    }

    /** This spec with another rank; an alpha left to its default follows the rank. */
    public LoraSpec withRank(int value) {
        return new LoraSpec(value, alpha, targetModules, stages);
    }
}
