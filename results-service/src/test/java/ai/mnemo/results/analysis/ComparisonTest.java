package ai.mnemo.results.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.mnemo.results.api.ComparisonReport;
import ai.mnemo.results.api.MethodComparison;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void threeStagesReadRetentionAndTheLastStageOffTheLastRow() {
        // A -> B -> C: retention is D_A after stage 2, forgetting is stage-0 accuracy on D_A minus that.
        MethodComparison.RunScore score = Comparison.score(Runs.run("r", "naive/seed0", "naive", null, 0L,
                "completed", new Double[][] {{0.9}, {0.5, 1.0}, {0.3, 0.6, 0.8}}, 10L, 20L, 40L));
        assertEquals(0.3, score.retention(), 0);
        assertEquals(0.6, score.forgetting(), 1e-12);
        assertEquals(0.8, score.lastStageAccuracy(), 0);
        assertEquals(List.of(10L, 20L, 40L), score.steps());
    }

    @Test
    void aSingleStageForgetsNothingMeasurable() {
        MethodComparison.RunScore score = Comparison.score(Runs.run("r", "naive/seed0", "naive", null, 0L,
                "completed", new Double[][] {{0.9}}, 10L));
        assertEquals(0.9, score.retention(), 0);
        assertNull(score.forgetting());
        assertNull(score.lastStageAccuracy());
    }

    @Test
    void groupsByMethodLabelAndCountsOnlyCompletedRuns() {
        ComparisonReport report = Comparison.of(Runs.experiment(
                Runs.run("n0", "naive/seed0", "naive", null, 0L, "completed",
                        new Double[][] {{1.0}, {0.2, 1.0}}, 100L, 120L),
                Runs.run("n1", "naive/seed1", "naive", null, 1L, "completed",
                        new Double[][] {{1.0}, {0.3, 0.96}}, 110L, 120L),
                Runs.run("n2", "naive/seed2", "naive", null, 2L, "failed", new Double[][] {{1.0}}, 105L, null),
                Runs.run("p1", "replay(1%)/seed0", "replay", null, 0L, "completed",
                        new Double[][] {{1.0}, {0.5, 1.0}}, 100L, 130L),
                Runs.run("p5", "replay(5%)/seed0", "replay", null, 0L, "running", new Double[][] {{1.0}}, 100L,
                        null)));
        assertEquals(List.of("kvr:A", "kvr:B"), report.datasets());
        assertEquals(List.of("naive", "replay(1%)", "replay(5%)"),
                report.methods().stream().map(MethodComparison::label).toList());

        MethodComparison naive = report.methods().get(0);
        assertEquals(2, naive.n());
        assertEquals(List.of(0L, 1L), naive.seeds());
        assertEquals(0.25, naive.retention().mean(), 1e-12);
        assertEquals(Math.sqrt(0.005), naive.retention().std(), 1e-12);
        assertEquals(0.75, naive.forgetting().mean(), 1e-12);
        assertEquals(0.98, naive.lastStageAccuracy().mean(), 1e-12);
        assertEquals(105.0, naive.stepsPerStage().get(0).mean(), 0);
        assertEquals(Math.sqrt(50), naive.stepsPerStage().get(0).std(), 1e-12);
        assertEquals(1, naive.failed());
        assertEquals("n2", naive.failedRuns().get(0).runId());
        assertEquals("it broke", naive.failedRuns().get(0).reason());
        assertEquals(0, naive.pending());

        MethodComparison onePercent = report.methods().get(1);
        assertEquals(1, onePercent.n());
        assertEquals(0.5, onePercent.retention().mean(), 0);
        assertNull(onePercent.retention().std(), "one seed: no standard deviation");

        MethodComparison fivePercent = report.methods().get(2);
        assertEquals(0, fivePercent.n());
        assertEquals(1, fivePercent.pending());
        assertNull(fivePercent.retention().mean());
        assertEquals(List.of(), fivePercent.stepsPerStage());
    }

    @Test
    void labelsWithoutASeedSuffixFallBackToMethodAndMixRatio() {
        assertEquals("remix x2", MethodLabels.of(Runs.run("r", "remix seed 3", "remix", 2.0, 3L, "completed",
                new Double[][] {{1.0}}, 1L)));
        assertEquals("remix x0.5", MethodLabels.of(Runs.run("r", null, "remix", 0.5, null, "completed",
                new Double[][] {{1.0}}, 1L)));
        assertEquals("remix(random-words x4)", MethodLabels.of(Runs.run("r", "remix(random-words x4)/seed12",
                "remix", 4.0, 12L, "completed", new Double[][] {{1.0}}, 1L)));
        assertEquals(MethodLabels.UNPLANNED, MethodLabels.of(Runs.run("r", null, null, null, null, "completed",
                new Double[][] {{1.0}}, 1L)));
    }
}
