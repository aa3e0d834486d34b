package ai.mnemo.eval.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.datasets.PreparedRow;
import ai.mnemo.datasets.metrics.Metric;
import java.util.ArrayList;
import ai.mnemo.events.v1.LogitLens;
import ai.mnemo.lm.analysis.AnswerProbe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetScorerTest {

    private static final List<PreparedRow> FACTS = List.of(
            new PreparedRow("fact-0", "The value of key AAAA is?", "K3Y9", PreparedRow.FACT),
            new PreparedRow("fact-1", "Who wrote Hamlet?", "William Shakespeare", PreparedRow.FACT),
            new PreparedRow("fact-2", "The value of key BBBB is?", "ZZ01", PreparedRow.FACT),
            new PreparedRow("fact-3", "Capital of France?", "Paris", PreparedRow.FACT));

    /** Answers scripted by user turn, recording what it was asked. */
    private static final class ScriptedGeneration implements Generation {
        final Map<String, String> answers;
        final List<String> asked = new ArrayList<>();
        int cap;

        ScriptedGeneration(Map<String, String> answers) {
            this.answers = answers;
        }

        @Override
        public List<String> answers(List<String> users, int maxNewTokens) {
            asked.addAll(users);
            cap = maxNewTokens;
            return users.stream().map(answers::get).toList();
        }
    }

    @Test
    void scoresEveryFactWithTheMetricAndRougeL() {
        ScriptedGeneration generation = new ScriptedGeneration(Map.of(
                "The value of key AAAA is?", " k3y9 \n",
                "Who wrote Hamlet?", "Shakespeare",
                "The value of key BBBB is?", "ZZ02",
                "Capital of France?", "Paris"));

        TargetScore score = TargetScorer.score(FACTS, Metric.EXACT_MATCH, generation, 16, null);

        assertEquals(FACTS.stream().map(PreparedRow::user).toList(), generation.asked, "asked the user turns");
        assertEquals(16, generation.cap);
        assertEquals(4, score.count());
        assertEquals(2, score.correct()); // case and surrounding space do not count; a partial answer does
        assertEquals(0.5, score.accuracy(), 1e-12);
        List<Prediction> p = score.predictions();
        assertEquals(new Prediction("fact-0", "The value of key AAAA is?", " k3y9 \n", "K3Y9", true, 1.0), p.get(0));
        assertFalse(p.get(1).correct());
        assertEquals(2.0 / 3.0, p.get(1).rougeL(), 1e-12); // 1 of 1 predicted tokens, 1 of 2 gold tokens
        assertEquals(0.0, p.get(2).rougeL());
        assertEquals((1.0 + 2.0 / 3.0 + 0.0 + 1.0) / 4, score.meanRougeL(), 1e-12);
    }

    @Test
    void theTargetsMetricDecidesWhatIsCorrect() {
        ScriptedGeneration generation = new ScriptedGeneration(Map.of(
                "The value of key AAAA is?", "K3",
                "Who wrote Hamlet?", "Shakespeare",
                "The value of key BBBB is?", "",
                "Capital of France?", "Paris"));

        TargetScore score = TargetScorer.score(FACTS, Metric.SUBSTRING, generation, 4, null);

        assertEquals(3, score.correct());
        assertTrue(score.predictions().get(1).correct());
        assertFalse(score.predictions().get(2).correct(), "an empty prediction is never a substring match");
    }

    @Test
    void aGenerationThatLosesAnswersIsAnError() {
        Generation lossy = (users, max) -> users.subList(1, users.size());
        assertThrows(IllegalStateException.class, () -> TargetScorer.score(FACTS, Metric.EXACT_MATCH, lossy, 8,
                null));
    }

    @Test
    void readingsAreKeptPerFactAndSummedUpPerDepth() {
        ScriptedGeneration generation = new ScriptedGeneration(Map.of(
                "The value of key AAAA is?", "K3Y9",
                "Who wrote Hamlet?", "x",
                "The value of key BBBB is?", "x",
                "Capital of France?", "Paris"));
        List<AnswerProbe.Reading> readings = List.of(
                new AnswerProbe.Reading(-0.1, 1.0, new double[] {0.1, 0.6, 0.9}, new boolean[] {false, true, true}),
                new AnswerProbe.Reading(-2.0, 0.5, new double[] {0.2, 0.2, 0.4}, new boolean[] {false, false, true}),
                new AnswerProbe.Reading(-3.0, 0.0, new double[] {0.0, 0.1, 0.1}, new boolean[] {false, false, false}),
                new AnswerProbe.Reading(-0.5, 0.75, new double[] {0.5, 0.3, 0.8}, new boolean[] {true, false, true}));

        TargetScore score = TargetScorer.score(FACTS, Metric.EXACT_MATCH, generation, 8, readings);

        assertEquals(List.of(0.1, 0.6, 0.9), score.predictions().get(0).lens());
        assertEquals(1, score.predictions().get(0).firstTop1Depth());
        assertEquals(-1, score.predictions().get(2).firstTop1Depth());
        assertEquals((-0.1 - 2.0 - 3.0 - 0.5) / 4, score.meanLogProb(), 1e-12);
        assertEquals((1.0 + 0.5 + 0.0 + 0.75) / 4, score.tokenAccuracy(), 1e-12);
        LogitLens lens = score.logitLens();
        assertEquals(0.2, lens.meanProbability().get(0), 1e-12);
        assertEquals(0.55, lens.meanProbability().get(2), 1e-12);
        assertEquals(List.of(0.25, 0.25, 0.75), lens.top1Rate());
        assertEquals(List.of(1, 1, 1), lens.firstTop1(), "first top-1 at depth 0 (fact 3), 1 (fact 0), 2 (fact 1)");
        assertEquals(1, lens.neverTop1());
    }

    @Test
    void withoutReadingsThereIsNothingBelowExactMatch() {
        TargetScore score = TargetScorer.score(FACTS, Metric.EXACT_MATCH, new ScriptedGeneration(Map.of(
                "The value of key AAAA is?", "", "Who wrote Hamlet?", "", "The value of key BBBB is?", "",
                "Capital of France?", "")), 8, null);
        assertNull(score.meanLogProb());
        assertNull(score.logitLens());
    }

    @Test
    void emptyScoresAreZeroNotNaN() {
        TargetScore empty = new TargetScore(List.of());
        assertEquals(0.0, empty.accuracy());
        assertEquals(0.0, empty.meanRougeL());
    }
}
