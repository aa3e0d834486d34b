package ai.mnemo.lm.penalty;

import ai.djl.ndarray.NDArray;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.model.Ops;
import ai.mnemo.lm.train.CausalLmLoss;
import ai.mnemo.lm.train.PenaltyTerm;

/**
 * The KL baseline: {@code weight x KL(p_ref || p_theta)}, averaged over the batch's scored positions, where
 * {@code p_ref} is the next-token distribution of the frozen model the stage started from and {@code p_theta} the
 * current model's. The forward direction (the reference's distribution weighs the log-ratio) is the distillation
 * loss: it penalises the current model for dropping probability mass the reference gave, which is what forgetting
 * is (docs/science.md, "The KL baseline").
 */
public final class KlToReference implements PenaltyTerm {

    private final Llama reference;
    private final double weight;

    /** @param reference the frozen stage-start model (never trained; its gradients are never recorded) */
    public KlToReference(Llama reference, double weight) {
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("the KL weight must be at least 0, was " + weight);
        }
        this.reference = reference;
        this.weight = weight;
    }

    @Override
    public String name() {
        return "kl";
    }

    @Override
    public NDArray contribution(MicroBatch micro) {
        NDArray referenceLogProbs;
        try (TorchRuntime.Scope noGrad = TorchRuntime.noGradient()) {
            referenceLogProbs = CausalLmLoss.scoredLogProbs(reference, micro.batch(), micro.scope()); // (N, V)
        }
        return Ops.scale(divergence(referenceLogProbs, micro.logProbs()).sum(), weight / micro.batchScored());
    }

    /** {@code KL(p || q)} per row of two (N, V) log-probability tables: (N). */
    public static NDArray divergence(NDArray logP, NDArray logQ) {
        return logP.exp().mul(logP.sub(logQ)).sum(new int[] {1});
    }
}
