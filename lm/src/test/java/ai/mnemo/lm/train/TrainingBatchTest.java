package ai.mnemo.lm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.mnemo.lm.chat.EncodedExample;
import ai.mnemo.lm.engine.TorchRuntime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a batch's scored tail starts, how its positions are numbered there, and which prefix it computes once. */
class TrainingBatchTest {

    private static final int PAD = 0;

    @Test
    void scoredPositionsAreNumberedFromTheEarliestScoredOne() {
        List<EncodedExample> rows = List.of(
                new EncodedExample(new int[] {1, 2, 3, 4, 5, 6}, 4), // scores positions 3, 4
                new EncodedExample(new int[] {1, 2, 7, 8}, 2)); // scores positions 1, 2
        try (NDManager scope = TorchRuntime.newManager()) {
            TrainingBatch batch = TrainingBatch.of(rows, PAD, scope);
            assertEquals(5, batch.length());
            assertEquals(1, batch.firstScored());
            assertEquals(4, batch.tailLength());
            assertEquals(0, batch.sharedPrefix()); // 1 shared position saves less than a row
            assertArrayEquals(new long[] {2, 3, 4, 5}, batch.lossPositions().toLongArray());
            assertArrayEquals(new long[] {5, 6, 7, 8}, batch.targets().toLongArray());
        }
    }

    @Test
    void aPrefixIsSharedWhenItSavesARowsWorthOfPositions() {
        int[] prompt = {1, 9, 9, 9, 9, 9};
        List<EncodedExample> three = List.of(row(prompt, 20), row(prompt, 21), row(prompt, 22));
        assertEquals(6, TrainingBatch.sharedPrefix(three, 6, 7)); // 2 * 6 >= 7
        assertEquals(5, TrainingBatch.sharedPrefix(three, 5, 7)); // never past the first scored position
        assertEquals(0, TrainingBatch.sharedPrefix(three, 6, 13)); // 2 * 6 < 13
        assertEquals(0, TrainingBatch.sharedPrefix(List.of(row(prompt, 20)), 6, 7)); // one row shares nothing
        List<EncodedExample> differ = List.of(row(prompt, 20), row(new int[] {1, 9, 8, 9, 9, 9}, 20));
        assertEquals(2, TrainingBatch.sharedPrefix(differ, 6, 2)); // up to where the rows differ
    }

    private static EncodedExample row(int[] prompt, int answer) {
        int[] tokens = Arrays.copyOf(prompt, prompt.length + 1);
        tokens[prompt.length] = answer;
        return new EncodedExample(tokens, prompt.length);
    }
}
