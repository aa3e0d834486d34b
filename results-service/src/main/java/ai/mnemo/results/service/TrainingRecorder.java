package ai.mnemo.results.service;

import ai.mnemo.events.v1.MnemoEvent;
import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingCommand;
import ai.mnemo.events.v1.TrainingEvent;
import ai.mnemo.events.v1.TrainingFailed;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.events.v1.TrainingProgress;
import ai.mnemo.events.v1.TrainingStarted;
import ai.mnemo.results.persistence.LossPoint;
import ai.mnemo.results.persistence.Run;
import ai.mnemo.results.persistence.RunStatus;
import ai.mnemo.results.persistence.Stage;
import ai.mnemo.results.persistence.StageStatus;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies mnemo.training.jobs.v1 (the job carries the stage's resolved settings and starting model) and
 * mnemo.training.v1 (start, the loss curve, the outcome and checkpoint, or the failure).
 */
@ApplicationScoped
public class TrainingRecorder {

    private final LineageRows rows;

    public TrainingRecorder(LineageRows rows) {
        this.rows = rows;
    }

    public boolean record(TrainingCommand command) {
        if (command instanceof TrainingJob job) {
            Stage stage = stage(job, job.runId(), job.stageIndex());
            stage.settingsJson = JsonText.of(job.settings());
            stage.modelJson = JsonText.of(job.model());
            if (stage.datasetUri == null) {
                stage.datasetUri = job.datasetUri();
            }
            if (stage.checkpointUri == null) {
                stage.checkpointUri = job.checkpointUri();
            }
            attempt(stage, job.attempt());
            stage.advance(StageStatus.QUEUED);
        }
        return true;
    }

    public boolean record(TrainingEvent event) {
        Stage stage = stage(event, event.runId(), event.stageIndex());
        if (event instanceof TrainingStarted started) {
            attempt(stage, started.attempt());
            stage.startedAt = Times.earliest(stage.startedAt, started.occurredAt());
            started(stage, started);
            training(stage);
        } else if (event instanceof TrainingProgress progress) {
            lossPoint(stage.run, progress);
            progressed(stage, progress);
            training(stage);
        } else if (event instanceof StageCompleted completed) {
            completed(stage, completed);
        } else if (event instanceof TrainingFailed failed) {
            attempt(stage, failed.attempt());
            if (!failed.mayRetry()) {
                // A retryable failure is data-service's to retry; if it was the last attempt, RunFailed says so.
                stage.fail("training attempt " + failed.attempt() + " failed: " + failed.reason());
            }
        }
        return true;
    }

    private Stage stage(MnemoEvent event, String runId, int stageIndex) {
        return rows.stage(rows.run(event.experimentId(), runId, event.occurredAt()), stageIndex);
    }

    private static void training(Stage stage) {
        stage.advance(StageStatus.TRAINING);
        stage.run.advance(RunStatus.RUNNING);
    }

    private static void attempt(Stage stage, int attempt) {
        if (stage.attempt == null || attempt > stage.attempt) {
            stage.attempt = attempt;
        }
    }

    private void completed(Stage stage, StageCompleted event) {
        attempt(stage, event.attempt());
        stage.checkpointUri = event.checkpointUri();
        stage.steps = event.steps();
        stage.epochs = event.epochs();
        stage.finalLoss = event.finalLoss();
        stage.stopReason = event.stopReason();
        stage.trainSeconds = event.trainSeconds();
        stage.tokensPerSecond = event.tokensPerSecond();
        if (event.cost() != null) {
            stage.trainDevice = event.cost().device();
            stage.trainDeviceSeconds = event.cost().deviceSeconds();
            stage.trainWallSeconds = event.cost().wallSeconds();
            stage.trainDevices = event.cost().devices();
            stage.trainHardware = event.cost().hardware();
        }
        stage.completedAt = Times.earliest(stage.completedAt, event.occurredAt());
        stage.advance(StageStatus.TRAINED);
        stage.run.advance(RunStatus.RUNNING);
    }

    /**
     * The latest start (by attempt, then by time) is the one progress counts from; a report sent before it belongs
     * to an earlier attempt and is dropped. Events may be read in any order (a replay, a retry): the outcome is the
     * same, since a report read before its start is kept only if it was sent after it.
     */
    private static void started(Stage stage, TrainingStarted event) {
        if (stage.progressAttempt != null && (event.attempt() < stage.progressAttempt
                || event.attempt() == stage.progressAttempt && stage.attemptStartedAt != null
                && !event.occurredAt().isAfter(stage.attemptStartedAt))) {
            return;
        }
        stage.progressAttempt = event.attempt();
        stage.plannedSteps = event.plannedSteps();
        stage.resumedFromStep = event.resumedFromStep();
        stage.attemptStartedAt = event.occurredAt();
        if (stage.progressAt == null || stage.progressAt.isBefore(event.occurredAt())) {
            stage.progressStep = event.resumedFromStep();
            stage.progressEpoch = null;
            stage.progressLoss = null;
            stage.progressAt = null;
        }
    }

    /** The newest report wins (by when it was sent): a progress event read twice or late changes nothing. */
    private static void progressed(Stage stage, TrainingProgress event) {
        if (stage.progressAt != null && event.occurredAt().isBefore(stage.progressAt)) {
            return;
        }
        if (stage.attemptStartedAt != null && event.occurredAt().isBefore(stage.attemptStartedAt)) {
            return; // from an attempt before the latest start
        }
        stage.progressStep = event.step();
        stage.progressEpoch = event.epoch();
        stage.progressLoss = event.loss();
        stage.progressAt = event.occurredAt();
    }

    /** Upserts the point at (run, stage, step): a progress event sent twice updates the same row. */
    private static void lossPoint(Run run, TrainingProgress event) {
        LossPoint point = LossPoint.byKey(run, event.stageIndex(), event.step()).orElseGet(() -> {
            LossPoint created = LossPoint.placeholder(run, event.stageIndex(), event.step());
            created.persist();
            return created;
        });
        point.epoch = event.epoch();
        point.loss = event.loss();
        point.learningRate = event.learningRate();
        point.exactMatch = event.exactMatch();
        point.penalty = event.penalty();
    }
}
