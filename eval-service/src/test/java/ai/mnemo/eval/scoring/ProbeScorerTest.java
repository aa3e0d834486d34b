package ai.mnemo.eval.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.Fact;
import ai.mnemo.datasets.metrics.Metric;
import ai.mnemo.datasets.probe.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeScorerTest {

    private static final List<Fact> CANDIDATES = List.of(
            new Fact("popqa-0", "What is A's occupation?", "composer"),
            new Fact("popqa-1", "What genre is B?", "blues"),
            new Fact("popqa-2", "In what city was C born?", "Perugia"),
            new Fact("popqa-3", "Who is the father of D?", "Ramon Arvelo"),
            new Fact("popqa-4", "In what country is E?", "Chile"),
            new Fact("popqa-5", "Who is the author of F?", "Mara Ellison"));

    @Test
    void theDemonstrationsArePromptedAndNotProbedAndTheFirstLineIsJudged() {
        List<String> seen = new ArrayList<>();
        Map<String, String> script = Map.of(
                "Who is the father of D?", " Ramon Arvelo\n\nQ: Who is",
                "In what country is E?", "Peru\nChile",
                "Who is the author of F?", "  mara ellison ");
        Generation generation = (prompts, max) -> {
            seen.addAll(prompts);
            assertEquals(20, max);
            return prompts.stream().map(p -> script.get(p.substring(p.lastIndexOf("Q: ") + 3, p.length() - 3)))
                    .toList();
        };

        List<ProbeResult> results = ProbeScorer.score(CANDIDATES, 3, Metric.EXACT_MATCH, generation, 20);

        assertEquals(List.of(
                new ProbeResult("popqa-3", "Who is the father of D?", "Ramon Arvelo", "Ramon Arvelo", true),
                new ProbeResult("popqa-4", "In what country is E?", "Chile", "Peru", false),
                new ProbeResult("popqa-5", "Who is the author of F?", "Mara Ellison", "mara ellison", true)), results);
        assertEquals("Q: What is A's occupation?\nA: composer\n\nQ: What genre is B?\nA: blues\n\n"
                + "Q: In what city was C born?\nA: Perugia\n\nQ: Who is the father of D?\nA:", seen.get(0));
        assertEquals(3, seen.size());
    }

    @Test
    void theMetricOfTheJobDecides() {
        Generation says = (prompts, max) -> prompts.stream().map(p -> "Mara").toList();
        List<ProbeResult> substring = ProbeScorer.score(CANDIDATES, 5, Metric.SUBSTRING, says, 20);
        assertTrue(substring.get(0).known(), "'mara' is in 'mara ellison'");
        List<ProbeResult> exact = ProbeScorer.score(CANDIDATES, 5, Metric.EXACT_MATCH, says, 20);
        assertEquals(false, exact.get(0).known());
        assertEquals(6, ProbeScorer.score(CANDIDATES, 0, Metric.EXACT_MATCH, says, 20).size());
        assertThrows(IllegalStateException.class,
                () -> ProbeScorer.score(CANDIDATES, 0, Metric.EXACT_MATCH, (p, m) -> List.of("x"), 20));
    }
}
