package ai.mnemo.lm.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each row stops at its own EOS (excluded from the output); the batch stops when every row has. */
class RowsTest {

    private static final int EOS = 9;

    @Test
    void rowsFinishIndependentlyAtEos() {
        Rows rows = new Rows(List.of(new int[] {1, 2}, new int[] {1}), 5, EOS);
        assertArrayEquals(new int[] {0, 1}, rows.padding);
        assertTrue(rows.accept(new long[] {4, EOS}));
        assertTrue(rows.accept(new long[] {5, 7})); // row 1 keeps decoding after EOS; ignored
        assertFalse(rows.accept(new long[] {EOS, 7}));
        int[][] out = rows.outputs();
        assertArrayEquals(new int[] {4, 5}, out[0]);
        assertArrayEquals(new int[] {}, out[1]);
    }
}
