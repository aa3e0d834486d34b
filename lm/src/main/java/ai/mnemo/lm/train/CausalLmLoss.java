package ai.mnemo.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.model.Ops;

/**
 * Mean next-token cross-entropy over the scored positions only (the assistant span). Only those positions go
 * through the final norm and the LM head, which saves most of the head's work without changing the result.
 */
public final class CausalLmLoss {

    private CausalLmLoss() {}

    /** A scalar on the batch's manager. */
    public static NDArray compute(Llama model, TrainingBatch batch, NDManager scope) {
        NDArray logProbs = scoredLogits(model, batch, scope).logSoftmax(1); // (N, V)
        NDArray picked = logProbs.gather(batch.targets().reshape(-1, 1), 1); // (N, 1)
        return picked.mean().neg();
    }

    /** Logits at the scored positions only: (N, V). */
    public static NDArray scoredLogits(Llama model, TrainingBatch batch, NDManager scope) {
        int b = batch.rows();
        int t = batch.length();
        NDArray hidden = model.hidden(batch.inputs(), model.causalContext(t, scope), null); // (B, T, D)
        NDArray scored = Ops.rows(batch.lossPositions(), hidden.reshape(b * (long) t, -1)); // (N, D)
        return model.logits(scored);
    }
}
