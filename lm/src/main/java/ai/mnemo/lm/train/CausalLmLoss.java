package ai.mnemo.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.model.Ops;
import java.util.List;

/**
 * Next-token cross-entropy over the scored positions only (the assistant span). Only those positions go through
 * the final norm and the LM head, which saves most of the head's work without changing the result.
 */
public final class CausalLmLoss {

    private CausalLmLoss() {}

    /**
     * The mean loss per scored token of {@code rows}, without training (no gradients), in batches: what a model has
     * learned of held-out text.
     */
    public static double evaluate(Llama model, List<EncodedExample> rows, int batchSize) {
        double total = 0;
        long scored = 0;
        try (TorchRuntime.Scope noGrad = TorchRuntime.noGradient()) {
            for (int from = 0; from < rows.size(); from += batchSize) {
                try (NDManager scope = model.manager().newSubManager()) {
                    TrainingBatch batch = TrainingBatch.of(rows.subList(from, Math.min(rows.size(), from + batchSize)),
                            model.config().eosTokenId(), scope);
                    total += negativeLogLikelihood(scoredLogProbs(model, batch, scope), batch).getFloat();
                    scored += batch.scored();
                }
            }
        }
        return scored == 0 ? Double.NaN : total / scored;
    }

    /** The mean over the batch's scored positions: a scalar on the batch's manager. */
    public static NDArray compute(Llama model, TrainingBatch batch, NDManager scope) {
        return Ops.divide(negativeLogLikelihood(scoredLogProbs(model, batch, scope), batch), batch.scored());
    }

    /** The sum over the scored positions of {@code -log p(target)}: a scalar. */
    public static NDArray negativeLogLikelihood(NDArray logProbs, TrainingBatch batch) {
        return targetLogProbs(logProbs, batch).sum().neg();
    }

    /** {@code log p(target)} at every scored position: (N). */
    public static NDArray targetLogProbs(NDArray logProbs, TrainingBatch batch) {
        return logProbs.gather(batch.targets().reshape(-1, 1), 1).reshape(-1);
    }

    /**
     * Log-probabilities of the whole vocabulary at the scored positions: (N, V), in FP32 whatever the model's dtype
     * (as Hugging Face upcasts logits for the loss): a half-precision log-softmax over V loses the small
     * probabilities the loss is made of.
     */
    public static NDArray scoredLogProbs(Llama model, TrainingBatch batch, NDManager scope) {
        return Ops.float32(scoredLogits(model, batch, scope)).logSoftmax(1);
    }

    /**
     * Logits at the scored positions only: (N, V). The last layer computes no position before the batch's first
     * scored one, and a prefix shared by every row runs once.
     */
    public static NDArray scoredLogits(Llama model, TrainingBatch batch, NDManager scope) {
        NDArray hidden = model.hiddenOfRows(batch.inputs(), batch.sharedPrefix(), batch.firstScored(), scope);
        // (B, T - firstScored, D)
        NDArray scored = Ops.rows(batch.lossPositions(), hidden.reshape((long) batch.rows() * batch.tailLength(),
                -1)); // (N, D)
        return model.logits(scored);
    }
}
