package ai.mnemo.lm.lora;

import java.util.EnumSet;
import java.util.Set;

/**
 * The shape of a set of adapters: rank r, scale numerator alpha (the update is {@code alpha / r * B A}, PEFT's
 * {@code lora_alpha}), and the projections that get one.
 */
public record LoraShape(int rank, double alpha, Set<LoraTarget> targets) {

    public LoraShape {
        if (rank < 1 || !(alpha > 0) || targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("LoRA needs rank >= 1, alpha > 0 and at least one target (rank "
                    + rank + ", alpha " + alpha + ", targets " + targets + ")");
        }
        targets = Set.copyOf(EnumSet.copyOf(targets));
    }

    public double scale() {
        return alpha / rank;
    }
}
