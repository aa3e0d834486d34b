package ai.mnemo.datasets.mixing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.PreparedRow;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomWordSequencesTest {

    private static final WordList WORDS = WordList.standard();

    @Test
    void eachRowSplitsOneSequenceIntoUserAndAssistantHalves() {
        List<PreparedRow> rows = RandomWordSequences.rows(WORDS, 30, 50, new Random(3));
        Set<String> dictionary = new HashSet<>(WORDS.words());

        assertEquals(30, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PreparedRow row = rows.get(i);
            assertEquals("mix-" + i, row.id());
            assertEquals(PreparedRow.MIXING, row.part());
            assertEquals(25, row.user().split(" ").length);
            assertEquals(25, row.assistant().split(" ").length);
            for (String word : (row.user() + " " + row.assistant()).split(" ")) {
                assertTrue(dictionary.contains(word), word);
            }
        }
    }

    @Test
    void anOddLengthGivesTheExtraWordToTheAnswer() {
        PreparedRow row = RandomWordSequences.rows(WORDS, 1, 7, new Random(3)).get(0);

        assertEquals(3, row.user().split(" ").length);
        assertEquals(4, row.assistant().split(" ").length);
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
        assertEquals(RandomWordSequences.rows(WORDS, 10, 50, new Random(3)),
                RandomWordSequences.rows(WORDS, 10, 50, new Random(3)));
        assertNotEquals(RandomWordSequences.rows(WORDS, 10, 50, new Random(3)),
                RandomWordSequences.rows(WORDS, 10, 50, new Random(4)));
        assertEquals(RandomWordSequences.rows(WORDS, 10, 50, new Random(3)),
                RandomWordSequences.rows(WORDS, 20, 50, new Random(3)).subList(0, 10), "a longer list extends");
    }

    @Test
    void theCountIsTheRatioTimesTheFactsRounded() {
        assertEquals(200, RandomWordSequences.count(2, 100));
        assertEquals(400, RandomWordSequences.count(4, 100));
        assertEquals(2, RandomWordSequences.count(0.5, 3), "1.5 rounds half up");
        assertEquals(1, RandomWordSequences.count(0.3, 3), "0.9 rounds to 1");
        assertEquals(0, RandomWordSequences.count(0.1, 3));
        assertThrows(IllegalArgumentException.class, () -> RandomWordSequences.count(Double.NaN, 3));
    }
}
