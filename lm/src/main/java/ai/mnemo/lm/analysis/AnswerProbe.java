package ai.mnemo.lm.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.engine.EngineDtypes;
import ai.mnemo.lm.engine.TorchRuntime;
import ai.mnemo.lm.model.Llama;
import ai.mnemo.lm.model.Ops;
import ai.mnemo.lm.train.CausalLmLoss;
import ai.mnemo.lm.train.TrainingBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model holds of each fact's answer below exact match, from one teacher-forced pass over the training row
 * (prompt, answer, EOS):
 * <ul>
 *   <li>the mean log-probability of the gold tokens (answer and EOS) and the share of them that are the argmax;
 *   <li>the logit lens (nostalgebraist 2020): the residual stream at the last prompt position after the embedding
 *       and after every layer, put through the final norm and the LM head, and the probability it gives the gold
 *       answer's first token (and whether that token is the top-1).
 * </ul>
 */
public final class AnswerProbe {

    private AnswerProbe() {}

    /**
     * One fact's reading.
     *
     * @param goldProbability per depth 0..L (0 = the embedding output, l = after layer l), the lens probability of
     *     the answer's first token; the last entry is the model's own prediction
     * @param goldTop1 per depth, whether that token is the lens's top-1
     */
    public record Reading(double meanLogProb, double tokenAccuracy, double[] goldProbability, boolean[] goldTop1) {

        /** The first depth at which the gold token is the top-1, or -1 when it never is. */
        public int firstTop1Depth() {
            for (int l = 0; l < goldTop1.length; l++) {
                if (goldTop1[l]) {
                    return l;
                }
            }
            return -1;
        }
    }

    /** Readings of {@code facts}, in their order, in batches of {@code batchSize} rows. */
    public static List<Reading> read(Llama model, List<EncodedExample> facts, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the probe batch size must be positive, was " + batchSize);
        }
        List<Reading> readings = new ArrayList<>(facts.size());
        int padId = model.config().eosTokenId();
        try (TorchRuntime.Scope noGrad = TorchRuntime.noGradient()) {
            for (int from = 0; from < facts.size(); from += batchSize) {
                List<EncodedExample> rows = facts.subList(from, Math.min(facts.size(), from + batchSize));
                try (NDManager scope = model.manager().newSubManager()) {
                    readings.addAll(readBatch(model, rows, padId, scope));
                }
            }
        }
        return readings;
    }

    private static List<Reading> readBatch(Llama model, List<EncodedExample> rows, int padId, NDManager scope) {
        TrainingBatch batch = TrainingBatch.of(rows, padId, scope);
        int b = batch.rows();
        int t = batch.length();
        List<NDArray> depths = model.residualStream(batch.inputs(), model.causalContext(t, scope), null);

        // Teacher forcing at the answer positions, from the last depth.
        NDArray last = depths.get(depths.size() - 1).get(new NDIndex(":, {}:, :", batch.firstScored()))
                .reshape((long) b * batch.tailLength(), -1); // (B*Tail, D)
        // FP32 before the softmaxes: a half-precision one over V loses small probabilities, and the host reads
        // floats only from FP32 arrays.
        NDArray logProbs = EngineDtypes.float32(model.logits(Ops.rows(batch.lossPositions(), last)))
                .logSoftmax(1); // (N, V)
        float[] goldLogProbs = CausalLmLoss.targetLogProbs(logProbs, batch).toFloatArray();
        long[] argmax = logProbs.argMax(1).toType(DataType.INT64, false).toLongArray();
        long[] targets = batch.targets().toLongArray();

        // The lens at each row's last prompt position, which predicts the answer's first token.
        long[] lensPositions = new long[b];
        long[] firstAnswerTokens = new long[b];
        for (int r = 0; r < b; r++) {
            EncodedExample row = rows.get(r);
            lensPositions[r] = (long) r * t + row.promptLength() - 1;
            firstAnswerTokens[r] = row.tokens()[row.promptLength()];
        }
        NDArray positions = scope.create(lensPositions);
        NDArray gold = scope.create(firstAnswerTokens).reshape(-1, 1);
        float[][] probability = new float[depths.size()][];
        long[][] top1 = new long[depths.size()][];
        for (int l = 0; l < depths.size(); l++) {
            NDArray lensLogits = EngineDtypes.float32(
                    model.logits(Ops.rows(positions, depths.get(l).reshape((long) b * t, -1)))); // (B, V)
            probability[l] = lensLogits.softmax(1).gather(gold, 1).reshape(-1).toFloatArray();
            top1[l] = lensLogits.argMax(1).toType(DataType.INT64, false).toLongArray();
        }

        List<Reading> readings = new ArrayList<>(b);
        int n = 0;
        for (int r = 0; r < b; r++) {
            EncodedExample row = rows.get(r);
            int scored = row.length() - row.promptLength();
            double logProbSum = 0;
            int hits = 0;
            for (int k = 0; k < scored; k++, n++) {
                logProbSum += goldLogProbs[n];
                hits += argmax[n] == targets[n] ? 1 : 0;
            }
            double[] lens = new double[depths.size()];
            boolean[] lensTop1 = new boolean[depths.size()];
            for (int l = 0; l < depths.size(); l++) {
                lens[l] = probability[l][r];
                lensTop1[l] = top1[l][r] == firstAnswerTokens[r];
            }
            readings.add(new Reading(logProbSum / scored, (double) hits / scored, lens, lensTop1));
        }
        return readings;
    }
}
