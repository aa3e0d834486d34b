package ai.mnemo.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.mnemo.results.api.ExperimentLineage;
import org.junit.jupiter.api.Test;

/** results-service's lineage JSON (GET /api/experiments/{id}) becomes the quickstart's summary. */
class LineageSummaryTest {

    @Test
    void stepsAccuracyAndRetentionComeFromTheLineage() throws Exception {
        ExperimentLineage lineage = Contract.lineage("""
                {"id": "e1", "name": "q", "status": "completed", "runs": [
                  {"id": "r1", "method": "naive", "mixRatio": null, "seed": 0, "label": "naive/seed0",
                   "status": "completed", "failure": null, "stages": [
                     {"index": 0, "dataset": "kvr:A", "training": {"steps": 70},
                      "evaluations": [{"datasetStageIndex": 0, "dataset": "kvr:A", "accuracy": 1.0}]},
                     {"index": 1, "dataset": "kvr:B", "training": {"steps": 60},
                      "evaluations": [{"datasetStageIndex": 0, "dataset": "kvr:A", "accuracy": 0.5},
                                      {"datasetStageIndex": 1, "dataset": "kvr:B", "accuracy": 1.0}]}]},
                  {"id": "r2", "method": "remix", "mixRatio": 2.0, "seed": 0, "label": "remix/seed0",
                   "status": "failed", "failure": {"reason": "did not memorize", "stageIndex": 0},
                   "stages": [{"index": 0, "dataset": "kvr:A", "training": null, "evaluations": []}]}]}
                """);
        ExperimentSummary summary = LineageSummary.from(lineage);
        ExperimentSummary.Run naive = summary.runs().get(0);
        assertEquals(70L, naive.stages().get(0).steps());
        assertEquals(0.5, naive.retention());
        ExperimentSummary.Run remix = summary.runs().get(1);
        assertEquals("did not memorize", remix.failure());
        assertNull(remix.stages().get(0).steps());
        assertEquals(2.0, remix.mixRatio());
    }
}
