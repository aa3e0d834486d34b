package ai.mnemo.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.model.Ops;
import java.util.List;

/**
 * What a stage minimises: the mean cross-entropy over the batch's scored positions plus the method's penalty terms.
 * A batch is taken in micro-batches of at most {@code microBatchSize} rows; each micro-batch's loss is divided by
 * the whole batch's scored-position count, so the gradients that accumulate over the micro-batches are the
 * gradients of the batch taken at once. On a CPU a batch taken in one pass is taken as two halves side by side
 * ({@link BatchHalves}), each divided by the whole batch's count in the same way.
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

    /**
     * How a batch is cut and padded.
     *
     * @param halves take a batch of one pass as two halves on two threads (CPU only, see {@link BatchHalves})
     */
    public record Batching(int padId, int microBatchSize, int padTo, boolean scorePadding, boolean halves) {

        /** Every batch on the calling thread. */
        public Batching(int padId, int microBatchSize, int padTo, boolean scorePadding) {
            this(padId, microBatchSize, padTo, scorePadding, false);
        }
    }

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
        long scored = batchScored;
        if (takesHalves(batching, rows.size())) {
            int half = (rows.size() + 1) / 2;
            NDManager first = scope.newSubManager();
            NDManager second = scope.newSubManager();
            List<StepLoss> parts = BatchHalves.shared().both(
                    () -> backwardRows(model, rows.subList(0, half), batching, lossScale, scored, first),
                    () -> backwardRows(model, rows.subList(half, rows.size()), batching, lossScale, scored, second));
            return new StepLoss(parts.get(0).crossEntropy() + parts.get(1).crossEntropy(), 0,
                    parts.get(0).tokens() + parts.get(1).tokens());
        }
        return backwardRows(model, rows, batching, lossScale, batchScored, scope);
    }

    /**
     * Whether a batch of {@code rows} rows is taken as two halves: when halving is on and the batch is one pass.
     * Not with penalty terms: they see the batch's first micro-batch once, and would have to be split too.
     */
    public boolean takesHalves(Batching batching, int rows) {
        return batching.halves() && penalties.isEmpty() && rows >= 2 && rows <= batching.microBatchSize();
    }

    /** Forward and backward over {@code rows} in micro-batches, on the calling thread. */
    private StepLoss backwardRows(Llama model, List<EncodedExample> rows, Batching batching, double lossScale,
            long batchScored, NDManager scope) {
        double crossEntropy = 0;
        double penalty = 0;
        long tokens = 0;
        for (int from = 0; from < rows.size(); from += batching.microBatchSize()) {
            List<EncodedExample> part = rows.subList(from, Math.min(rows.size(), from + batching.microBatchSize()));
            try (NDManager micro = scope.newSubManager(); TorchRuntime.Scope recording = TorchRuntime.withGradient()) {
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
                TorchRuntime.backward(lossScale == 1.0 ? loss : Ops.scale(loss, lossScale));
                crossEntropy += ce.getFloat();
                tokens += batch.tokens();
            }
        }
        return new StepLoss(crossEntropy, penalty, tokens);
    }
}
