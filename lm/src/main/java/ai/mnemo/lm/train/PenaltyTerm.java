package ai.mnemo.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.model.Llama;

/**
 * A term a method adds to a stage's loss (KL to the stage-start model, the EWC penalty). The loop takes a batch in
 * one or more micro-batches, so a term says how much each micro-batch contributes: the contributions of one batch's
 * micro-batches add up to the term of the whole batch, and their gradients do too.
 */
public interface PenaltyTerm {

    /** A short name for logs, e.g. {@code kl}. */
    String name();

    /** This micro-batch's contribution, already weighted: a scalar on {@code micro.scope()}, or null for none. */
    NDArray contribution(MicroBatch micro);

    /**
     * One forward/backward pass of a batch.
     *
     * @param logProbs the current model's log-probabilities at the micro-batch's scored positions, (N, V)
     * @param batchScored scored positions in the whole batch, which every mean divides by
     * @param first whether this is the batch's first micro-batch (a term per step, such as EWC, adds itself there)
     */
    record MicroBatch(Llama model, TrainingBatch batch, NDArray logProbs, long batchScored, boolean first,
            NDManager scope) {}
}
