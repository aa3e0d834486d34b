package ai.mnemo.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.model.Ops;
import java.util.List;

/**
 * What a stage minimises: the mean cross-entropy over the batch's scored positions plus the method's penalty terms.
 * A batch is taken in micro-batches of at most {@code microBatchSize} rows; each micro-batch's loss is divided by
 * the whole batch's scored-position count, so the gradients that accumulate over the micro-batches are the
 * gradients of the batch taken at once.
 */
public final class TrainingObjective {

    private final List<PenaltyTerm> penalties;

    public TrainingObjective(List<PenaltyTerm> penalties) {
        this.penalties = List.copyOf(penalties);
    }

    /** Cross-entropy alone: plain fine-tuning. */
    public static TrainingObjective crossEntropy() {
        return new TrainingObjective(List.of());
    }

    public List<PenaltyTerm> penalties() {
        return penalties;
    }

    /** How a batch is cut and padded. */
    public record Batching(int padId, int microBatchSize, int padTo, boolean scorePadding) {}

    /** The parts of one batch's loss, as numbers. */
    public record StepLoss(double crossEntropy, double penalty, long tokens) {}

    /** Runs forward and backward over the batch's micro-batches; the gradients are left on the parameters. */
    public StepLoss backward(Llama model, List<EncodedExample> rows, Batching batching, NDManager scope) {
        return backward(model, rows, batching, 1.0, scope);
    }

    /**
     * As {@link #backward(Llama, List, Batching, NDManager)} with the loss multiplied by {@code lossScale} before
     * the backward pass (fp16 loss scaling): the gradients left on the parameters are scaled too, the returned
     * losses are not.
     */
    public StepLoss backward(Llama model, List<EncodedExample> rows, Batching batching, double lossScale,
            NDManager scope) {
        long batchScored = 0;
        int length = batching.padTo() - 1;
        for (EncodedExample row : rows) {
            batchScored += TrainingBatch.scoredCount(row, length, batching.scorePadding());
        }
        double crossEntropy = 0;
        double penalty = 0;
        long tokens = 0;
        for (int from = 0; from < rows.size(); from += batching.microBatchSize()) {
            List<EncodedExample> part = rows.subList(from, Math.min(rows.size(), from + batching.microBatchSize()));
            try (NDManager micro = scope.newSubManager();
                    GradientCollector collector = model.manager().getEngine().newGradientCollector()) {
                TrainingBatch batch = TrainingBatch.of(part, batching.padId(), batching.padTo(),
                        batching.scorePadding(), micro);
                NDArray logProbs = CausalLmLoss.scoredLogProbs(model, batch, micro);
                NDArray ce = Ops.divide(CausalLmLoss.negativeLogLikelihood(logProbs, batch), batchScored);
                NDArray loss = ce;
                PenaltyTerm.MicroBatch input = new PenaltyTerm.MicroBatch(model, batch, logProbs, batchScored,
                        from == 0, micro);
                NDArray penalties = null;
                for (PenaltyTerm term : this.penalties) {
                    NDArray contribution = term.contribution(input);
                    if (contribution != null) {
                        penalties = penalties == null ? contribution : penalties.add(contribution);
                    }
                }
                if (penalties != null) {
                    loss = loss.add(penalties);
                    penalty += penalties.getFloat();
                }
                collector.backward(lossScale == 1.0 ? loss : Ops.scale(loss, lossScale));
                crossEntropy += ce.getFloat();
                tokens += batch.tokens();
            }
        }
        return new StepLoss(crossEntropy, penalty, tokens);
    }
}
