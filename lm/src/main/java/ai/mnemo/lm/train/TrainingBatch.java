package ai.mnemo.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.mnemo.lm.chat.EncodedExample;
import java.util.List;

/**
 * Rows of different lengths padded on the right into one (B, T) input, with the flat positions (b * T + t) whose
 * next token is scored and those next tokens. Right padding needs no extra mask: a causal row never looks ahead
 * at its padding, and padding positions are never scored.
 *
 * @param inputs (B, T) token ids, T = longest row - 1
 * @param lossPositions (N) flat positions scored by the loss
 * @param targets (N) the token each scored position must predict
 * @param tokens B * T, the tokens processed (the throughput unit, as the PyTorch peer counts it)
 */
public record TrainingBatch(NDArray inputs, NDArray lossPositions, NDArray targets, long tokens) {

    public static TrainingBatch of(List<EncodedExample> rows, int padId, NDManager scope) {
        int b = rows.size();
        int t = 0;
        int scored = 0;
        for (EncodedExample row : rows) {
            t = Math.max(t, row.length() - 1);
            scored += row.length() - row.promptLength();
        }
        long[] inputs = new long[b * t];
        java.util.Arrays.fill(inputs, padId);
        long[] positions = new long[scored];
        long[] targets = new long[scored];
        int n = 0;
        for (int r = 0; r < b; r++) {
            int[] tokens = rows.get(r).tokens();
            for (int i = 0; i < tokens.length - 1; i++) {
                inputs[r * t + i] = tokens[i];
            }
            // Position i predicts token i + 1; the answer starts at promptLength.
            for (int i = rows.get(r).promptLength() - 1; i < tokens.length - 1; i++) {
                positions[n] = (long) r * t + i;
                targets[n] = tokens[i + 1];
                n++;
            }
        }
        return new TrainingBatch(scope.create(inputs, new Shape(b, t)), scope.create(positions),
                scope.create(targets), (long) b * t);
    }

    public int rows() {
        return Math.toIntExact(inputs.getShape().get(0));
    }

    public int length() {
        return Math.toIntExact(inputs.getShape().get(1));
    }
}
