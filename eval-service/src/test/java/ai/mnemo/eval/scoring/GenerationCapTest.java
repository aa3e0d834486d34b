package ai.mnemo.eval.scoring;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GenerationCapTest {

    @Test
    void theAskedCapStandsWhenTheLongestPromptLeavesRoom() {
        assertThat(GenerationCap.fit(16, List.of(new int[10], new int[30]), 64), is(16));
    }

    @Test
    void theCapShrinksToThePositionsLeftAfterTheLongestPrompt() {
        assertThat(GenerationCap.fit(1000, List.of(new int[10], new int[304]), 1024), is(720));
    }

    @Test
    void aPromptThatFillsEveryPositionIsRefusedWithItsLength() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> GenerationCap.fit(8, List.of(new int[3], new int[64]), 64));
        assertThat(e.getMessage(), containsString("a prompt of 64 tokens"));
    }
}
