package ai.mnemo.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.lm.train.TrainingResult;
import ai.mnemo.lm.train.TrainingState;
import ai.mnemo.service.artifacts.ArtifactStore;
import ai.mnemo.trainer.TestJobs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage that failed says why, the same whether it just ended or its finished checkpoint is read back. */
class FinishedStagesTest {

    @TempDir
    Path root;

    private TrainingJob job() {
        ArtifactStore store = new ArtifactStore(root);
        return TestJobs.job(store, "run-1", 1, "file:/unused", TestJobs.settings(TestJobs.memorized(300), 1e-4, 16));
    }

    @Test
    void aDivergedStageFailsNamingTheStepAndWhatToDo() {
        StageOutcome outcome = FinishedStages.of(job(),
                new TrainingResult(50, 13, Double.NaN, TrainingResult.DIVERGED, 12.0, 5000, null));
        String reason = assertInstanceOf(StageOutcome.Failed.class, outcome).reason();
        assertEquals(FinishedStages.diverged(job(), 50), reason);
        assertTrue(reason.contains("stage 1 diverged after 50 steps"), reason);
        assertTrue(reason.contains("lower the learning rate"), reason);
    }

    @Test
    void aFinishedCheckpointThatDivergedIsAnnouncedAsTheSameFailure() {
        TrainingState saved = new TrainingState(50, 13, 0, new int[0], 0L, 0, 1200, Double.NaN, 12.0, 250_000,
                TrainingResult.DIVERGED, null);
        StageOutcome outcome = FinishedStages.of(job(), saved);
        assertEquals(FinishedStages.diverged(job(), 50), assertInstanceOf(StageOutcome.Failed.class, outcome).reason());
    }
}
