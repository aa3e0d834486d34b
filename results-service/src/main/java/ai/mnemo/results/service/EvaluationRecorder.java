package ai.mnemo.results.service;

import ai.mnemo.events.v1.EvalCommand;
import ai.mnemo.events.v1.EvalCompleted;
import ai.mnemo.events.v1.EvalEvent;
import ai.mnemo.events.v1.EvalFailed;
import ai.mnemo.events.v1.EvalJob;
import ai.mnemo.events.v1.EvalResult;
import ai.mnemo.events.v1.EvalTarget;
import ai.mnemo.events.v1.LogitLens;
import ai.mnemo.results.persistence.Evaluation;
import ai.mnemo.results.persistence.LensDepth;
import ai.mnemo.results.persistence.Run;
import ai.mnemo.results.persistence.Stage;
import ai.mnemo.results.persistence.StageStatus;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies mnemo.eval.jobs.v1 (which datasets a checkpoint is to be scored on) and mnemo.eval.v1 (the scores: one
 * row of the retention matrix). Probes belong to dataset preparation, whose manifest already carries their
 * counts, so ProbeJob and ProbeCompleted are not stored.
 */
@ApplicationScoped
public class EvaluationRecorder {

    private final LineageRows rows;

    public EvaluationRecorder(LineageRows rows) {
        this.rows = rows;
    }

    public boolean record(EvalCommand command) {
        if (!(command instanceof EvalJob job)) {
            return false;
        }
        Run run = rows.run(job.experimentId(), job.runId(), job.occurredAt());
        Stage stage = rows.stage(run, job.stageIndex());
        if (stage.checkpointUri == null) {
            stage.checkpointUri = job.checkpointUri();
        }
        stage.advance(StageStatus.EVALUATING);
        for (EvalTarget target : job.targets()) {
            Evaluation evaluation = rows.evaluation(run, job.stageIndex(), target.datasetStageIndex());
            evaluation.dataset = target.dataset();
            evaluation.metric = target.metric();
        }
        return true;
    }

    public boolean record(EvalEvent event) {
        if (event instanceof EvalCompleted completed) {
            completed(completed);
            return true;
        }
        if (event instanceof EvalFailed failed && failed.runId() != null && failed.stageIndex() != null) {
            Run run = rows.run(failed.experimentId(), failed.runId(), failed.occurredAt());
            rows.stage(run, failed.stageIndex()).fail("evaluation failed: " + failed.reason());
            return true;
        }
        return false; // ProbeCompleted, or a failed probe
    }

    private void completed(EvalCompleted event) {
        Run run = rows.run(event.experimentId(), event.runId(), event.occurredAt());
        Stage stage = rows.stage(run, event.stageIndex());
        if (stage.checkpointUri == null) {
            stage.checkpointUri = event.checkpointUri();
        }
        stage.evalSeconds = event.evalSeconds();
        if (event.cost() != null) {
            stage.evalDevice = event.cost().device();
            stage.evalDeviceSeconds = event.cost().deviceSeconds();
            stage.evalWallSeconds = event.cost().wallSeconds();
            stage.evalDevices = event.cost().devices();
            stage.evalHardware = event.cost().hardware();
        }
        stage.advance(StageStatus.EVALUATED);
        for (EvalResult result : event.results()) {
            Evaluation evaluation = rows.evaluation(run, event.stageIndex(), result.datasetStageIndex());
            evaluation.dataset = result.dataset();
            evaluation.metric = result.metric();
            evaluation.count = result.count();
            evaluation.correct = result.correct();
            evaluation.accuracy = result.accuracy();
            evaluation.rougeL = result.rougeL();
            evaluation.predictionsUri = result.predictionsUri();
            evaluation.meanLogProb = result.meanLogProb();
            evaluation.tokenAccuracy = result.tokenAccuracy();
            lens(evaluation, result.logitLens());
        }
    }

    private static void lens(Evaluation evaluation, LogitLens lens) {
        evaluation.lens.clear();
        evaluation.neverTop1 = lens == null ? null : lens.neverTop1();
        if (lens == null) {
            return;
        }
        for (int depth = 0; depth < lens.meanProbability().size(); depth++) {
            evaluation.lens.add(LensDepth.of(lens.meanProbability().get(depth), lens.top1Rate().get(depth),
                    lens.firstTop1().get(depth)));
        }
    }
}
