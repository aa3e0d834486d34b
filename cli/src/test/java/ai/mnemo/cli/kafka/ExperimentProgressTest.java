package ai.mnemo.cli.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.cli.results.ExperimentSummary;
import ai.mnemo.cli.results.SummaryTable;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalResult;
import ai.mnemo.events.v1.ExperimentCancelled;
import ai.mnemo.events.v1.ExperimentPlanned;
import ai.mnemo.events.v1.ExperimentRejected;
import ai.mnemo.events.v1.RunCompleted;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.events.v1.StageCompleted;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quickstart's view of an experiment: progress lines, completion, and the summary with retention. */
class ExperimentProgressTest {

    private static final String EXP = "exp-1";

    @Test
    void summaryHasStepsAccuraciesAndRetentionPerRun() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ExperimentProgress progress = new ExperimentProgress(new PrintStream(printed, true));
        progress.test(ExperimentPlanned.of(EXP, "quickstart", List.of("r1", "r2")));
        progress.test(RunPlanned.of(EXP, "r1", "naive", null, 0, "naive/seed0", List.of("kvr:A", "kvr:B")));
        progress.test(RunPlanned.of(EXP, "r2", "remix", 2.0, 0, "remix(random-words x2)/seed0",
                List.of("kvr:A", "kvr:B")));
        progress.test(stage("r1", 0, 120));
        progress.test(eval("r1", 0, result(0, "kvr:A", 1.0)));
        progress.test(stage("r1", 1, 90));
        progress.test(eval("r1", 1, result(0, "kvr:A", 0.25), result(1, "kvr:B", 1.0)));
        assertFalse(progress.test(RunCompleted.of(EXP, "r1", 2)), "r2 still runs");
        assertTrue(progress.test(RunFailed.of(EXP, "r2", 0, "stage 1 did not memorize")));

        ExperimentSummary summary = progress.summary(EXP);
        ExperimentSummary.Run naive = summary.runs().get(0);
        assertEquals(120L, naive.stages().get(0).steps());
        assertEquals(0.25, naive.retention());
        assertEquals("completed", naive.status());
        assertEquals("failed", summary.runs().get(1).status());
        String table = SummaryTable.render(summary);
        assertTrue(table.contains("naive/seed0"), table);
        assertTrue(table.contains("25.0%"), table);
        assertTrue(table.contains("100.0%"), table);
        assertTrue(printed.toString().contains("run failed: stage 1 did not memorize"), printed.toString());
        // Stage numbers are the spec's and the events' (0 learns D_A), as in failure reasons and the report.
        assertTrue(printed.toString().contains("[naive/seed0] stage 0 trained: 120 steps"), printed.toString());
        assertTrue(printed.toString().contains("[naive/seed0] evaluated after stage 1: kvr:A 25.0% kvr:B 100.0%"),
                printed.toString());
    }

    @Test
    void aRejectionEndsTheWatch() {
        ExperimentProgress progress = new ExperimentProgress(new PrintStream(new ByteArrayOutputStream()));
        assertTrue(progress.test(ExperimentRejected.of(EXP, "size must be positive", "stages[0].dataset.size")));
        assertTrue(progress.rejection().contains("stages[0].dataset.size"));
    }

    @Test
    void aCancellationEndsTheWatch() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ExperimentProgress progress = new ExperimentProgress(new PrintStream(printed));
        assertFalse(progress.test(ExperimentPlanned.of(EXP, "grid", List.of("r1"))));
        assertTrue(progress.test(ExperimentCancelled.of(EXP, "ada")));
        assertTrue(printed.toString().contains("cancelled by ada"), printed.toString());
    }

    private static StageCompleted stage(String run, int index, long steps) {
        return StageCompleted.of(EXP, run, index, 1, "file:/x", steps, 10, 0.01, "memorized", 3.0, 1000.0);
    }

    private static EvalCompleted eval(String run, int stage, EvalResult... results) {
        return EvalCompleted.of(EXP, run, stage, "file:/x", List.of(results), 1.0);
    }

    private static EvalResult result(int datasetStage, String dataset, double accuracy) {
        return new EvalResult(datasetStage, dataset, "exact-match", 4, (int) (4 * accuracy), accuracy, accuracy,
                "file:/p");
    }
}
