package ai.mnemo.datasets.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.Fact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {

    private static final List<Fact> POOL = pool(20);

    private static List<Fact> pool(int n) {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            facts.add(new Fact("p-" + i, "Q" + i + "?", "A" + i));
        }
        return facts;
    }

    private static List<String> ids(Selection s) {
        return s.facts().stream().map(Fact::id).toList();
    }

    @Test
    void aTakesTheFirstUsableFactsAndBTheOnesAfterA() {
        Set<String> unknown = Set.of("p-1", "p-2", "p-4", "p-5", "p-7", "p-8", "p-9", "p-12");

        Selection a = Splits.select(POOL, unknown, Splits.offset("A", 3, null), 3, "pool");
        Selection b = Splits.select(POOL, unknown, Splits.offset("B", 4, 3), 4, "pool");

        assertEquals(List.of("p-1", "p-2", "p-4"), ids(a));
        assertEquals(List.of(1, 2, 4), a.poolIndices());
        assertEquals(List.of("p-5", "p-7", "p-8", "p-9"), ids(b));
        Set<String> both = new HashSet<>(ids(a));
        both.retainAll(ids(b));
        assertTrue(both.isEmpty(), "A and B never overlap");
    }

    @Test
    void withoutAFilterEveryFactIsUsableAndBWithoutAStartsAfterItsOwnSize() {
        assertEquals(List.of("p-0", "p-1"), ids(Splits.select(POOL, null, Splits.offset("A", 2, null), 2, "pool")));
        assertEquals(5, Splits.offset("B", 5, null));
        assertEquals(8, Splits.offset("b", 5, 8));
        assertEquals(List.of("p-5", "p-6"), ids(Splits.select(POOL, null, 5, 2, "pool")));
    }

    @Test
    void tooFewUnknownFactsSaysHowManyThereAre() {
        Set<String> unknown = Set.of("p-1", "p-2", "p-4", "p-5", "p-7");
        NotEnoughFactsException e = assertThrows(NotEnoughFactsException.class,
                () -> Splits.select(POOL, unknown, 3, 3, "popqa (popqa.jsonl)"));

        assertEquals(5, e.available());
        assertEquals(6, e.needed());
        assertEquals("popqa (popqa.jsonl) has 5 facts the base model does not know (of 20 in the pool), but this split"
                + " needs 6 (3 before it, 3 in it): lower the size to at most 2 or give a larger export", e.getMessage());
        assertTrue(assertThrows(NotEnoughFactsException.class, () -> Splits.select(POOL, null, 0, 21, "p"))
                .getMessage().startsWith("p has 20 facts, but this split needs 21"));
    }
}
