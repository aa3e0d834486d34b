package ai.mnemo.results.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Statuses only move forward, and the first terminal status stays: the basis of out-of-order tolerance. */
class StatusTest {

    @Test
    void aRunNeverGoesBack() {
        assertEquals(RunStatus.RUNNING, RunStatus.PLANNED.advance(RunStatus.RUNNING));
        assertEquals(RunStatus.COMPLETED, RunStatus.COMPLETED.advance(RunStatus.RUNNING));
        assertEquals(RunStatus.COMPLETED, RunStatus.COMPLETED.advance(RunStatus.PLANNED));
        assertEquals(RunStatus.FAILED, RunStatus.FAILED.advance(RunStatus.COMPLETED));
        assertEquals(RunStatus.COMPLETED, RunStatus.COMPLETED.advance(RunStatus.FAILED));
    }

    @Test
    void anExperimentNeverGoesBack() {
        assertEquals(ExperimentStatus.PLANNED, ExperimentStatus.REQUESTED.advance(ExperimentStatus.PLANNED));
        assertEquals(ExperimentStatus.PLANNED, ExperimentStatus.PLANNED.advance(ExperimentStatus.REQUESTED));
        assertEquals(ExperimentStatus.REJECTED, ExperimentStatus.REQUESTED.advance(ExperimentStatus.REJECTED));
        assertEquals(ExperimentStatus.COMPLETED, ExperimentStatus.COMPLETED.advance(ExperimentStatus.FAILED));
    }

    @Test
    void aCancellationEndsWhatHasNotEndedAndNothingElse() {
        assertEquals(RunStatus.CANCELLED, RunStatus.RUNNING.advance(RunStatus.CANCELLED));
        assertEquals(RunStatus.COMPLETED, RunStatus.COMPLETED.advance(RunStatus.CANCELLED));
        assertEquals(RunStatus.CANCELLED, RunStatus.CANCELLED.advance(RunStatus.COMPLETED));
        assertEquals(true, RunStatus.CANCELLED.ended());
        assertEquals(ExperimentStatus.CANCELLED, ExperimentStatus.PLANNED.advance(ExperimentStatus.CANCELLED));
        assertEquals(ExperimentStatus.FAILED, ExperimentStatus.FAILED.advance(ExperimentStatus.CANCELLED));
        assertEquals(ExperimentStatus.CANCELLED, ExperimentStatus.CANCELLED.advance(ExperimentStatus.COMPLETED));
        assertEquals(false, ExperimentStatus.PLANNED.ended());
        assertEquals(true, ExperimentStatus.REJECTED.ended());
    }

    @Test
    void aStageFollowsTheChoreographyAndAFailureIsFinal() {
        StageStatus status = StageStatus.PENDING;
        for (StageStatus next : new StageStatus[] {StageStatus.PREPARED, StageStatus.QUEUED, StageStatus.TRAINING,
            StageStatus.TRAINED, StageStatus.EVALUATING, StageStatus.EVALUATED}) {
            status = status.advance(next);
            assertEquals(next, status);
        }
        assertEquals(StageStatus.EVALUATED, StageStatus.EVALUATED.advance(StageStatus.TRAINING));
        assertEquals(StageStatus.FAILED, StageStatus.EVALUATED.advance(StageStatus.FAILED));
        assertEquals(StageStatus.FAILED, StageStatus.FAILED.advance(StageStatus.EVALUATED));
    }

    @Test
    void statusesShowInLowerCase() {
        assertEquals("evaluating", StageStatus.EVALUATING.wire());
        assertEquals("completed", RunStatus.COMPLETED.wire());
        assertEquals("rejected", ExperimentStatus.REJECTED.wire());
    }

    @Test
    void theFirstFailureReasonOfAStageIsKept() {
        Stage stage = Stage.placeholder(Run.placeholder("r", Experiment.placeholder("e", Instant.EPOCH)),
                0);
        stage.fail("out of memory");
        stage.fail("evaluation failed: no checkpoint");
        assertEquals(StageStatus.FAILED, stage.status);
        assertEquals("out of memory", stage.failureReason);
    }

    @Test
    void anExperimentKeepsItsEarliestEventTime() {
        Experiment experiment = Experiment.placeholder("e", Instant.parse("2025-01-02T00:00:00Z"));
        experiment.seenAt(Instant.parse("2025-01-01T00:00:00Z"));
        experiment.seenAt(Instant.parse("2025-01-03T00:00:00Z"));
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), experiment.submittedAt);
    }
}
