package ai.mnemo.datasets.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.kvr.KvrSplits;
import ai.mnemo.datasets.mixing.WordList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private static final List<PreparedRow> D_A = KvrSplits.rows("A", 200, "qa", WordList.standard());

    @Test
    void samplesRoundedFractionOfDaWithoutReplacementAsReplayRows() {
        List<PreparedRow> replayed = Replay.sample(D_A, 0.1, new Random(9));
        Map<String, PreparedRow> byId = D_A.stream().collect(Collectors.toMap(PreparedRow::id, Function.identity()));

        assertEquals(20, replayed.size());
        assertEquals(20, new HashSet<>(replayed.stream().map(PreparedRow::id).toList()).size(), "no repeats");
        for (PreparedRow row : replayed) {
            assertEquals(PreparedRow.REPLAY, row.part());
            assertTrue(row.id().matches("replay-\\d+"), row.id());
            PreparedRow fact = byId.get("fact-" + row.id().substring("replay-".length()));
            assertEquals(fact.user(), row.user());
            assertEquals(fact.assistant(), row.assistant());
        }
    }

    @Test
    void countsRoundAndNeverExceedDa() {
        assertEquals(2, Replay.count(0.01, 200));
        assertEquals(10, Replay.count(0.05, 200));
        assertEquals(1, Replay.count(0.05, 10), "0.5 rounds half up");
        assertEquals(200, Replay.count(1.0, 200));
        assertEquals(200, Replay.sample(D_A, 1.0, new Random(1)).size());
        assertThrows(IllegalArgumentException.class, () -> Replay.count(0, 200));
        assertThrows(IllegalArgumentException.class, () -> Replay.count(1.5, 200));
    }

    @Test
    void theSeedDecidesWhichFactsAreReplayed() {
        assertEquals(Replay.sample(D_A, 0.1, new Random(9)), Replay.sample(D_A, 0.1, new Random(9)));
        assertNotEquals(Replay.sample(D_A, 0.1, new Random(9)), Replay.sample(D_A, 0.1, new Random(10)));
    }
}
