package ai.mnemo.results.mapping;

import ai.mnemo.events.EventCodec;
import ai.mnemo.events.v1.DeviceCost;
import ai.mnemo.events.v1.LogitLens;
import ai.mnemo.results.api.EvaluationView;
import ai.mnemo.results.api.ExperimentLineage;
import ai.mnemo.results.api.ExperimentSummary;
import ai.mnemo.results.api.LossPointView;
import ai.mnemo.results.api.RunCounts;
import ai.mnemo.results.api.RunLineage;
import ai.mnemo.results.api.StageLineage;
import ai.mnemo.results.api.StageProgress;
import ai.mnemo.results.api.TrainingOutcome;
import ai.mnemo.results.persistence.Evaluation;
import ai.mnemo.results.persistence.Experiment;
import ai.mnemo.results.persistence.LossPoint;
import ai.mnemo.results.persistence.Run;
import ai.mnemo.results.persistence.Stage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/** Entities to response records: entities never go on the wire. Pure functions, no database access. */
public final class LineageMapper {

    private LineageMapper() {
    }

    public static ExperimentSummary summary(Experiment experiment, RunCounts runs) {
        return new ExperimentSummary(experiment.id, experiment.name, experiment.status.wire(),
                experiment.submittedAt, experiment.submittedBy, experiment.plannedRuns, runs);
    }

    public static ExperimentLineage lineage(Experiment experiment, List<RunLineage> runs) {
        ExperimentLineage.Rejection rejection = experiment.rejectionReason == null ? null
                : new ExperimentLineage.Rejection(experiment.rejectionReason, experiment.rejectionField);
        ExperimentLineage.Cancellation cancellation = experiment.cancelledAt == null ? null
                : new ExperimentLineage.Cancellation(experiment.cancelledAt, experiment.cancelledBy);
        return new ExperimentLineage(experiment.id, experiment.name, experiment.status.wire(),
                experiment.submittedAt, experiment.submittedBy, experiment.plannedRuns, rejection, cancellation,
                json(experiment.specJson), runs);
    }

    /**
     * @param stages the run's stages, by index
     * @param evaluations the run's evaluations, any order; each goes to the stage whose checkpoint it scored
     */
    public static RunLineage run(Run run, List<Stage> stages, List<Evaluation> evaluations) {
        RunLineage.Failure failure = run.failureReason == null ? null
                : new RunLineage.Failure(run.failureReason, run.failedStage);
        List<StageLineage> stageViews = stages.stream()
                .map(stage -> stage(stage, evaluations.stream()
                        .filter(evaluation -> evaluation.stageIndex == stage.stageIndex)
                        .toList()))
                .toList();
        return new RunLineage(run.id, run.experiment.id, run.method, run.mixRatio, run.seed, run.label,
                run.status.wire(), run.stageCount, failure, run.endedAt, stageViews);
    }

    static StageLineage stage(Stage stage, List<Evaluation> evaluations) {
        return new StageLineage(stage.stageIndex, stage.status.wire(), stage.dataset, stage.datasetUri,
                json(stage.manifestJson), json(stage.settingsJson), json(stage.modelJson), stage.attempt,
                training(stage), stage.checkpointUri, stage.failureReason, stage.evalSeconds,
                evaluations.stream()
                        .sorted((a, b) -> Integer.compare(a.datasetStageIndex, b.datasetStageIndex))
                        .map(LineageMapper::evaluation)
                        .toList(),
                cost(stage.trainDevice, stage.trainDeviceSeconds, stage.trainWallSeconds, stage.trainDevices,
                        stage.trainHardware),
                cost(stage.evalDevice, stage.evalDeviceSeconds, stage.evalWallSeconds, stage.evalDevices,
                        stage.evalHardware),
                progress(stage));
    }

    static StageProgress progress(Stage stage) {
        if (stage.progressAttempt == null) {
            return null;
        }
        return new StageProgress(stage.progressAttempt, stage.plannedSteps, stage.resumedFromStep,
                stage.attemptStartedAt, stage.progressStep, stage.progressEpoch, stage.progressLoss,
                stage.progressAt);
    }

    static DeviceCost cost(String device, Double deviceSeconds, Double wallSeconds, Integer devices,
            String hardware) {
        return device == null ? null : new DeviceCost(device, deviceSeconds, wallSeconds, devices, hardware);
    }

    static TrainingOutcome training(Stage stage) {
        if (stage.startedAt == null && stage.steps == null) {
            return null;
        }
        return new TrainingOutcome(stage.steps, stage.epochs, stage.finalLoss, stage.stopReason, stage.trainSeconds,
                stage.tokensPerSecond, stage.startedAt, stage.completedAt);
    }

    static EvaluationView evaluation(Evaluation evaluation) {
        return new EvaluationView(evaluation.datasetStageIndex, evaluation.dataset, evaluation.metric,
                evaluation.count, evaluation.correct, evaluation.accuracy, evaluation.rougeL,
                evaluation.predictionsUri, evaluation.meanLogProb, evaluation.tokenAccuracy, lens(evaluation));
    }

    static LogitLens lens(Evaluation evaluation) {
        if (evaluation.lens.isEmpty() || evaluation.neverTop1 == null) {
            return null;
        }
        return new LogitLens(evaluation.lens.stream().map(d -> d.meanProbability).toList(),
                evaluation.lens.stream().map(d -> d.top1Rate).toList(),
                evaluation.lens.stream().map(d -> d.firstTop1).toList(), evaluation.neverTop1);
    }

    public static LossPointView lossPoint(LossPoint point) {
        return new LossPointView(point.stageIndex, point.step, point.epoch, point.loss, point.learningRate,
                point.exactMatch, point.penalty);
    }

    /** A stored JSON column as a tree, so it is embedded in the response rather than quoted. */
    static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return EventCodec.json().readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text); // never expected: the service wrote it from an event
        }
    }
}
