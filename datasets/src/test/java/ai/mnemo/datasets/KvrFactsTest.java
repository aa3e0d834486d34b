package ai.mnemo.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class KvrFactsTest {

    @Test
    void sameSeedSameFactsAndLongerListsExtendShorterOnes() {
        List<Fact> short10 = KvrFacts.generate(7, 10);
        List<Fact> long20 = KvrFacts.generate(7, 20);
        assertEquals(short10, long20.subList(0, 10));
        assertNotEquals(short10, KvrFacts.generate(8, 10));
    }

    @Test
    void keysAndValuesFollowThePaper() {
        List<Fact> facts = KvrFacts.generate(0, 500);
        HashSet<String> questions = new HashSet<>();
        for (Fact fact : facts) {
            assertTrue(fact.answer().matches("[A-Z0-9]{8}"), fact.answer());
            assertTrue(fact.question().matches("The value of key [A-Z0-9]{8} is\\?"), fact.question());
            questions.add(fact.question());
        }
        assertEquals(500, questions.size(), "keys are unique");
    }
}
