package ai.mnemo.results.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.mnemo.results.api.EvaluationView;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.api.StageLineage;
import ai.mnemo.results.persistence.Evaluation;
import ai.mnemo.results.persistence.Experiment;
import ai.mnemo.results.persistence.Run;
import ai.mnemo.results.persistence.Stage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entities to response records: evaluations land on the stage whose checkpoint they scored, JSON stays JSON. */
class LineageMapperTest {

    private final Run run = Run.placeholder("run-1", Experiment.placeholder("exp-1", Instant.EPOCH));

    @Test
    void evaluationsGoToTheirCheckpointsStageInDatasetOrder() {
        Stage first = Stage.placeholder(run, 0);
        Stage second = Stage.placeholder(run, 1);
        List<Evaluation> evaluations = List.of(
                evaluation(1, 1, 1.0), evaluation(0, 0, 1.0), evaluation(1, 0, 0.3));

        RunLineage lineage = LineageMapper.run(run, List.of(first, second), evaluations);

        assertEquals("exp-1", lineage.experimentId());
        assertEquals(List.of(0), lineage.stages().get(0).evaluations().stream()
                .map(EvaluationView::datasetStageIndex).toList());
        assertEquals(List.of(0.3, 1.0), lineage.stages().get(1).evaluations().stream()
                .map(EvaluationView::accuracy).toList());
    }

    @Test
    void jsonColumnsAreEmbeddedAsJson() {
        Stage stage = Stage.placeholder(run, 0);
        stage.settingsJson = "{\"learningRate\":0.002,\"stopping\":{\"rule\":\"memorized\"}}";
        StageLineage view = LineageMapper.stage(stage, List.of());
        assertEquals("memorized", view.settings().path("stopping").path("rule").asText());
        assertNull(view.manifest());
    }

    @Test
    void anUnstartedStageHasNoTrainingOutcome() {
        Stage stage = Stage.placeholder(run, 0);
        assertNull(LineageMapper.training(stage));
        stage.startedAt = Instant.EPOCH;
        assertEquals(Instant.EPOCH, LineageMapper.training(stage).startedAt());
    }

    private Evaluation evaluation(int stage, int datasetStage, double accuracy) {
        Evaluation evaluation = Evaluation.placeholder(run, stage, datasetStage);
        evaluation.accuracy = accuracy;
        return evaluation;
    }
}
