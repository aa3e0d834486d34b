package ai.mnemo.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactTest {

    @Test
    void aliasesAreTheOtherAnswersOnceEachInTheExportsOrder() {
        Fact fact = new Fact("popqa-4", "In what country is X?", "Netherlands",
                List.of("NL", "Netherlands", " ", "Holland", "NL", "the Netherlands"));

        assertEquals(List.of("NL", "Holland", "the Netherlands"), fact.aliases());
    }

    @Test
    void aFactWithoutAliasesHasAnEmptyListNeverNull() {
        assertEquals(List.of(), new Fact("kvr-0", "The value of key A is?", "B").aliases());
        assertEquals(List.of(), new Fact("kvr-0", "The value of key A is?", "B", null).aliases());
        assertEquals(new Fact("kvr-0", "Q?", "B"), new Fact("kvr-0", "Q?", "B", List.of("B")));
    }

    @Test
    void aNullAliasIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Fact("x", "Q?", "a", Arrays.asList("b", null)));
        assertThrows(IllegalArgumentException.class, () -> new Fact("x", null, "a"));
    }
}
