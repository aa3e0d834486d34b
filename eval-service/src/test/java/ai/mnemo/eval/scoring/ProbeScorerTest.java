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
            return prompts.stream().map(p -> script.get(question(p))).toList();
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

    @Test
    void anAnswerThatMatchesAnAliasIsKnownAndTheAliasIsRecorded() {
        List<Fact> candidates = List.of(
                new Fact("popqa-0", "What is A's occupation?", "composer"),
                new Fact("popqa-1", "In what country is B?", "Netherlands", List.of("NL", "Holland")),
                new Fact("popqa-2", "In what country is C?", "Netherlands", List.of("NL", "Holland")),
                new Fact("popqa-3", "In what country is D?", "Netherlands", List.of("NL", "Holland")));
        Map<String, String> script = Map.of("In what country is B?", "holland\n",
                "In what country is C?", "Netherlands", "In what country is D?", "Belgium");
        Generation generation = (prompts, max) -> prompts.stream().map(p -> script.get(question(p))).toList();

        List<ProbeResult> results = ProbeScorer.score(candidates, 1, Metric.EXACT_MATCH, generation, 20);

        assertEquals(List.of(
                new ProbeResult("popqa-1", "In what country is B?", "Netherlands", "holland", true, "Holland"),
                new ProbeResult("popqa-2", "In what country is C?", "Netherlands", "Netherlands", true, null),
                new ProbeResult("popqa-3", "In what country is D?", "Netherlands", "Belgium", false, null)), results);
    }

    @Test
    void theMetricJudgesEveryAlias() {
        List<Fact> candidates = List.of(new Fact("webqa-0", "Who is Justin Bieber's brother?", "Jazmyn Bieber",
                List.of("Jaxon Bieber")));
        Generation says = (prompts, max) -> prompts.stream().map(p -> "Jaxon").toList();

        assertEquals("Jaxon Bieber", ProbeScorer.score(candidates, 0, Metric.SUBSTRING, says, 20).get(0).matchedAlias(),
                "'jaxon' is in the alias 'jaxon bieber'");
        assertEquals(false, ProbeScorer.score(candidates, 0, Metric.EXACT_MATCH, says, 20).get(0).known());
    }

    /** The question a few-shot prompt asks: its last {@code Q: ...\nA:} block. */
    private static String question(String prompt) {
        return prompt.substring(prompt.lastIndexOf("Q: ") + 3, prompt.length() - 3);
    }
}
