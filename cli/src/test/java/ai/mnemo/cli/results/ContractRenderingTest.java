package ai.mnemo.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.results.api.ComparisonReport;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.ExperimentSummary;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tables, rendered from what a real results-service answered (the contract's fixtures, read strictly). */
class ContractRenderingTest {

    private static final String FAILURE = "stage 1 did not memorize kvr:B within 400 epochs: raise stopping.epochs";

    @Test
    void theResultsOfAnExperimentWithACompletedAFailedAndARunningRun() {
        ExperimentLineage lineage = Contract.fixture("experiment-lineage", ExperimentLineage.class);
        ComparisonReport comparison = Contract.fixture("comparison", ComparisonReport.class);

        String report = ResultsReport.render(lineage, Optional.of(comparison), "http://results:8080");

        assertTrue(report.startsWith("grid (" + lineage.id() + "): planned\n"), report);
        assertTrue(report.lines().anyMatch(l -> l.startsWith("naive/seed0") && l.endsWith("completed")), report);
        assertTrue(report.contains("naive/seed2 failed: " + FAILURE), "the failed run's reason: " + report);
        assertTrue(report.lines().anyMatch(l -> l.startsWith("remix(random-words x2)/seed2")
                && l.endsWith("running")), report);
        assertTrue(report.lines().anyMatch(l -> l.startsWith("naive ") && l.contains("25.0% ± 7.1")), report);
        assertTrue(report.contains("+35.0 ["), "remix against naive: " + report);
        assertTrue(report.contains("cost of the experiment:"), report);
        assertTrue(report.endsWith("report: http://results:8080/experiments/" + lineage.id() + "\n"), report);
    }

    @Test
    void aRejectedExperimentSaysWhyAndWhere() {
        ExperimentLineage lineage = Contract.fixture("experiment-rejected", ExperimentLineage.class);

        String report = ResultsReport.render(lineage, Optional.empty(), "http://results:8080");

        assertTrue(report.contains(": rejected\nrejected: stages[1].dataset.size is larger than the pool (10 of 8)"
                + " (field stages[1].dataset.size)\n"), report);
        assertTrue(!report.contains("method"), "no empty tables: " + report);
    }

    @Test
    void theListHasStatusAndRunsByStatus() {
        List<ExperimentSummary> list = List.of(Contract.fixture("experiment-list", ExperimentSummary[].class));

        String table = ExperimentTable.render(list);

        String grid = table.lines().filter(l -> l.contains(" grid ")).findFirst().orElseThrow();
        assertTrue(grid.matches(".* planned +\\S+ \\S+ UTC +ada +6/6 +4 +1 +1 +0"), grid);
        assertTrue(table.lines().anyMatch(l -> l.contains(" synthetic ") && l.contains(" rejected ")), table);
        assertEquals("id", table.lines().findFirst().orElseThrow().split(" ")[0]);
    }

    @Test
    void theRunningStageIsTheOneToDrawABarFor() {
        ExperimentLineage lineage = Contract.fixture("experiment-lineage", ExperimentLineage.class);

        List<StageEstimate> training = StageEstimate.training(lineage);

        assertEquals(1, training.size(), training.toString());
        StageEstimate stage = training.get(0);
        assertEquals("remix(random-words x2)/seed2 stage 1", stage.name());
        assertEquals(10, stage.step());
        assertEquals(400, stage.plannedSteps());
        assertEquals(1.5, stage.loss());
        assertEquals(0.025, stage.fraction(), 1e-12);
    }

    @Test
    void errorAnswersReadAsTheyWereSent() {
        var notFound = Contract.fixture("error-not-found", ai.mnemo.results.api.ErrorResponse.class);
        assertTrue(notFound.error().contains("no-such-experiment"));
        var invalid = Contract.fixture("error-invalid-spec", ai.mnemo.results.api.ErrorResponse.class);
        SubmissionRefusedException refused = SubmissionRefusedException.of(400, invalid);
        assertTrue(refused.violations().stream().anyMatch(v -> v.startsWith("stages[0].dataset.size: ")),
                refused.violations().toString());
    }
}
