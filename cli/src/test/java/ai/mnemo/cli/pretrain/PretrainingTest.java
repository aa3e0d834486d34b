package ai.mnemo.cli.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.mnemo.lm.chat.EncodedExample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PretrainingTest {

    @Test
    void theCorpusIsRepeatedInFreshOrdersToFillTheSteps() {
        List<EncodedExample> windows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            windows.add(new EncodedExample(new int[] {256, i, 257}, 1));
        }
        List<EncodedExample> rows = Pretraining.fill(windows, 25, 7);

        assertEquals(25, rows.size());
        assertEquals(10, new HashSet<>(rows.subList(0, 10)).size(), "each pass holds every window once");
        assertEquals(10, new HashSet<>(rows.subList(10, 20)).size());
        assertNotEquals(rows.subList(0, 10), rows.subList(10, 20), "each pass in its own order");
        assertEquals(rows, Pretraining.fill(windows, 25, 7), "the same seed, the same rows");
    }
}
