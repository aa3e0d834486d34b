package ai.mnemo.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.model.Llama;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of different lengths padded on the right into one (B, T) input, with the flat positions (b * T + t) whose
 * next token is scored and those next tokens. Right padding needs no extra mask: a causal row never looks ahead
 * at its padding, and (unless padding is scored on purpose) padding positions are never scored.
 *
 * <p>No row is scored before {@code firstScored}, so the model's last layer computes the outputs of positions
 * {@code firstScored..T-1} only, and the scored positions are numbered in that tail; the first {@code sharedPrefix}
 * tokens, the same in every row, run through the model once ({@link Llama#hiddenOfRows}).
 *
 * @param inputs (B, T) token ids, T = longest row - 1
 * @param sharedPrefix how many leading tokens every row shares and the model computes once, at most
 *     {@code firstScored} (0: none, or too few to be worth a pass of their own)
 * @param firstScored the earliest position any row scores
 * @param lossPositions (N) flat positions scored by the loss in the tail (B, T - firstScored):
 *     {@code b * (T - firstScored) + (t - firstScored)}
 * @param targets (N) the token each scored position must predict
 * @param tokens B * T, the tokens processed (the throughput unit, as the PyTorch peer counts it)
 */
public record TrainingBatch(NDArray inputs, int sharedPrefix, int firstScored, NDArray lossPositions,
        NDArray targets, long tokens) {

    /** The answer span of each row is scored; the batch is as long as its longest row. */
    public static TrainingBatch of(List<EncodedExample> rows, int padId, NDManager scope) {
        return of(rows, padId, 0, false, scope);
    }

    /**
     * @param padTo pad every row to at least this many tokens (0: to the longest row of the batch)
     * @param scorePadding also score the padding positions, with {@code padId} as their target (the released
     *     code's loss, see {@link TrainingOptions.LossPositions#ANSWER_AND_PADDING})
     */
    public static TrainingBatch of(List<EncodedExample> rows, int padId, int padTo, boolean scorePadding,
            NDManager scope) {
        int b = rows.size();
        int t = Math.max(0, padTo - 1);
        for (EncodedExample row : rows) {
            t = Math.max(t, row.length() - 1);
        }
        int scored = 0;
        int first = t;
        for (EncodedExample row : rows) {
            scored += scoredCount(row, t, scorePadding);
            first = Math.min(first, row.promptLength() - 1);
        }
        int tail = t - first;
        long[] inputs = new long[b * t];
        Arrays.fill(inputs, padId);
        long[] positions = new long[scored];
        long[] targets = new long[scored];
        int n = 0;
        for (int r = 0; r < b; r++) {
            int[] tokens = rows.get(r).tokens();
            for (int i = 0; i < tokens.length - 1; i++) {
                inputs[r * t + i] = tokens[i];
            }
            // Position i predicts token i + 1; the answer starts at promptLength.
            int end = scorePadding ? t : tokens.length - 1;
            for (int i = rows.get(r).promptLength() - 1; i < end; i++) {
                positions[n] = (long) r * tail + i - first;
                targets[n] = i + 1 < tokens.length ? tokens[i + 1] : padId;
                n++;
            }
        }
        return new TrainingBatch(scope.create(inputs, new Shape(b, t)), sharedPrefix(rows, first, t), first,
                scope.create(positions), scope.create(targets), (long) b * t);
    }

    /**
     * The leading tokens all rows share, up to {@code limit}, when sharing them saves at least one row's worth of
     * positions ({@code (B - 1) * P >= T}): the prefix's own pass costs a full round of kernel launches.
     */
    static int sharedPrefix(List<EncodedExample> rows, int limit, int length) {
        if (rows.size() < 2) {
            return 0;
        }
        int[] first = rows.get(0).tokens();
        int shared = limit;
        for (EncodedExample row : rows) {
            int[] tokens = row.tokens();
            int i = 0;
            while (i < shared && tokens[i] == first[i]) {
                i++;
            }
            shared = i;
        }
        return (long) (rows.size() - 1) * shared >= length ? shared : 0;
    }

    /** Positions of {@code row} the loss scores in a batch of input length {@code length}. */
    static int scoredCount(EncodedExample row, int length, boolean scorePadding) {
        return (scorePadding ? length + 1 : row.length()) - row.promptLength();
    }

    public int rows() {
        return Math.toIntExact(inputs.getShape().get(0));
    }

    public int length() {
        return Math.toIntExact(inputs.getShape().get(1));
    }

    /** T - firstScored, the positions the last layer computes outputs for. */
    public int tailLength() {
        return length() - firstScored;
    }

    /** N, the number of scored positions. */
    public long scored() {
        return lossPositions.getShape().get(0);
    }
}
