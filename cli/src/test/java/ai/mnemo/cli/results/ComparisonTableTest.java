package ai.mnemo.cli.results;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComparisonTableTest {

    @Test
    void meansWithSpreadPerMethod() throws Exception {
        String table = ComparisonTable.render(Contract.comparison("""
                {"methods": [
                  {"label": "naive", "n": 2, "retention": {"n": 2, "mean": 0.25, "std": 0.05},
                   "forgetting": {"n": 2, "mean": 0.75, "std": 0.05}, "lastStageAccuracy": {"n": 2, "mean": 1.0, "std": 0.0},
                   "stepsPerStage": [{"n": 2, "mean": 66, "std": 1}, {"n": 2, "mean": 136.4, "std": 3}], "failed": 1, "pending": 0},
                  {"label": "remix(random-words x2)", "n": 1, "retention": {"n": 1, "mean": 0.5, "std": null},
                   "forgetting": {"n": 1, "mean": 0.5, "std": null}, "lastStageAccuracy": {"n": 1, "mean": 1.0, "std": null},
                   "retentionLogProb": {"n": 1, "mean": -0.5, "std": null},
                   "stepsPerStage": [{"n": 1, "mean": 552}, {"n": 1, "mean": 336}], "failed": 0, "pending": 0}],
                 "versusNaive": [{"label": "remix(random-words x2)", "retention":
                   {"mean": 0.25, "low": -0.125, "high": 0.625, "degreesOfFreedom": 1.5}, "n": 1, "naiveN": 2}]}
                """));
        assertTrue(table.contains("25.0% ± 5.0"), table);
        assertTrue(table.contains("66 / 136"), table);
        assertTrue(table.contains("50.0%"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("remix(random-words x2)") && l.endsWith("0")), table);
        assertTrue(table.contains("+25.0 [-12.5, +62.5]"), "the difference to naive with its interval: " + table);
        assertTrue(table.contains("-0.50"), "the gold log p: " + table);
    }

    @Test
    void threeStagesGetThreeStepCountsAndTheLastStageIsNamedAsSuch() {
        String table = ComparisonTable.render(Contract.comparison("""
                {"methods": [{"label": "naive", "n": 1, "failed": 0, "pending": 0,
                  "retention": {"n": 1, "mean": 0.5, "std": null},
                  "stepsPerStage": [{"n": 1, "mean": 10}, {"n": 1, "mean": 20}, {"n": 1, "mean": 30}]}]}
                """));
        String header = table.lines().findFirst().orElseThrow();
        assertTrue(header.contains("EM last stage") && header.contains("steps per stage"), header);
        assertTrue(table.contains("10 / 20 / 30"), table);
    }
}
