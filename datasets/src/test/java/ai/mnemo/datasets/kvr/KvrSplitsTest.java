package ai.mnemo.datasets.kvr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.KvrFacts;
import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.mixing.WordList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KvrSplitsTest {

    private static final WordList WORDS = WordList.standard();

    @Test
    void splitsAAndBAreTheTwoHalvesOfOnePoolAndNeverOverlap() {
        List<Fact> pool = KvrFacts.generate(KvrSplits.POOL_SEED, 200);
        List<Fact> a = KvrSplits.facts("A", 100);
        List<Fact> b = KvrSplits.facts("B", 100);

        assertEquals(pool.subList(0, 100), a);
        assertEquals(pool.subList(100, 200), b);
        Set<String> keysA = new HashSet<>(a.stream().map(Fact::question).toList());
        Set<String> keysB = new HashSet<>(b.stream().map(Fact::question).toList());
        assertEquals(100, keysA.size());
        assertEquals(100, keysB.size());
        assertTrue(Collections.disjoint(keysA, keysB), "A and B share a key");
    }

    @Test
    void everyExperimentSeesTheSameFacts() {
        assertEquals(KvrSplits.facts("A", 50), KvrSplits.facts("A", 50));
        assertEquals(KvrSplits.facts("A", 50), KvrSplits.facts("A", 80).subList(0, 50));
    }

    @Test
    void qaRowsAskTheKvrQuestionAndAnswerTheValue() {
        List<PreparedRow> rows = KvrSplits.rows("B", 20, "qa", WORDS);
        List<Fact> facts = KvrSplits.facts("B", 20);

        assertEquals(20, rows.size());
        for (int k = 0; k < rows.size(); k++) {
            PreparedRow row = rows.get(k);
            assertEquals("fact-" + k, row.id());
            assertEquals(PreparedRow.FACT, row.part());
            assertEquals(facts.get(k).question(), row.user());
            assertTrue(row.user().matches("The value of key [A-Z0-9]{8} is\\?"), row.user());
            assertEquals(facts.get(k).answer(), row.assistant());
        }
    }

    @Test
    void randomPrefixPutsZeroToFiftyDictionaryWordsAndABlankLineBeforeTheQuestion() {
        List<PreparedRow> rows = KvrSplits.rows("A", 300, "random-prefix", WORDS);
        List<Fact> facts = KvrSplits.facts("A", 300);
        Set<String> dictionary = new HashSet<>(WORDS.words());
        Set<Integer> lengths = new HashSet<>();

        for (int k = 0; k < rows.size(); k++) {
            String user = rows.get(k).user();
            String question = facts.get(k).question();
            assertEquals(facts.get(k).answer(), rows.get(k).assistant());
            if (user.equals(question)) {
                lengths.add(0);
                continue;
            }
            assertTrue(user.endsWith("\n\n" + question), user);
            String[] passage = user.substring(0, user.length() - question.length() - 2).split(" ");
            assertTrue(passage.length >= 1 && passage.length <= 50, "length " + passage.length);
            for (String word : passage) {
                assertTrue(dictionary.contains(word), word);
            }
            lengths.add(passage.length);
        }
        assertTrue(lengths.size() > 30, "lengths vary over 0..50: " + lengths);
        assertEquals(rows, KvrSplits.rows("A", 300, "random-prefix", WORDS), "the prefixes are fixed");
    }

    @Test
    void aFactKeepsItsPrefixWhateverTheSplitSize() {
        assertEquals(KvrSplits.rows("A", 10, "random-prefix", WORDS),
                KvrSplits.rows("A", 40, "random-prefix", WORDS).subList(0, 10));
    }

    @Test
    void unknownSplitsAndFormatsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> KvrSplits.facts("C", 10));
        assertThrows(IllegalArgumentException.class, () -> KvrSplits.facts("A", 0));
        assertThrows(IllegalArgumentException.class, () -> KvrSplits.rows("A", 10, "multiple-choice", WORDS));
    }
}
