package ai.mnemo.results.service;

import ai.mnemo.events.v1.RunCompleted;
import ai.mnemo.events.v1.RunEvent;
import ai.mnemo.events.v1.RunFailed;
import ai.mnemo.events.v1.RunPlanned;
import ai.mnemo.results.persistence.Run;
import ai.mnemo.results.persistence.RunStatus;
import ai.mnemo.results.persistence.Stage;
import ai.mnemo.results.persistence.StageStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Applies mnemo.runs.v1: a run's cell of the grid and its stage plan, then how it ended. */
@ApplicationScoped
public class RunRecorder {

    private final LineageRows rows;

    public RunRecorder(LineageRows rows) {
        this.rows = rows;
    }

    public boolean record(RunEvent event) {
        Run run = rows.run(event.experimentId(), event.runId(), event.occurredAt());
        if (event instanceof RunPlanned planned) {
            planned(run, planned);
        } else if (event instanceof RunCompleted completed) {
            run.advance(RunStatus.COMPLETED);
            run.endedAt = Times.earliest(run.endedAt, completed.occurredAt());
            rows.settle(run.experiment);
        } else if (event instanceof RunFailed failed) {
            failed(run, failed);
        }
        return true;
    }

    private void planned(Run run, RunPlanned event) {
        run.method = event.method();
        run.mixRatio = event.mixRatio();
        run.seed = event.seed();
        run.label = event.label();
        List<String> datasets = event.stages();
        run.stageCount = datasets.size();
        for (int i = 0; i < datasets.size(); i++) {
            Stage stage = rows.stage(run, i);
            if (stage.dataset == null) {
                stage.dataset = datasets.get(i);
            }
        }
    }

    private void failed(Run run, RunFailed event) {
        run.advance(RunStatus.FAILED);
        if (run.status == RunStatus.FAILED && run.failureReason == null) {
            run.failureReason = event.reason();
            run.failedStage = event.stageIndex();
        }
        run.endedAt = Times.earliest(run.endedAt, event.occurredAt());
        if (event.stageIndex() != null) {
            // A stage still queued or training ends with its run (a retryable failure that was the last attempt).
            Stage.byKey(run, event.stageIndex())
                    .filter(stage -> stage.status == StageStatus.QUEUED || stage.status == StageStatus.TRAINING)
                    .ifPresent(stage -> stage.fail(event.reason()));
        }
        rows.settle(run.experiment);
    }
}
