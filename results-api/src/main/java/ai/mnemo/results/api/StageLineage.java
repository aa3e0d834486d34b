package ai.mnemo.results.api;

import ai.mnemo.events.v1.DeviceCost;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One stage of a run: its data (dataset, prepared rows, manifest), how it was trained (settings, starting model),
 * what training produced (outcome, checkpoint), and the evaluations of that checkpoint on every dataset so far.
 *
 * @param manifest the DatasetManifest as sent by data-service; null until prepared
 * @param settings the resolved TrainingSettings of its TrainingJob; null until the job is read
 * @param model the ModelRef the stage started from
 * @param training null until a trainer started it
 * @param trainingCost what training cost (StageCompleted's cost); null when not sent
 * @param evaluationCost what evaluating the checkpoint cost (EvalCompleted's cost); null when not sent
 * @param progress how far training has come (TrainingStarted, the latest TrainingProgress); null until a trainer
 *     started it
 */
public record StageLineage(
        int index,
        String status,
        String dataset,
        String datasetUri,
        JsonNode manifest,
        JsonNode settings,
        JsonNode model,
        Integer attempt,
        TrainingOutcome training,
        String checkpointUri,
        String failureReason,
        Double evalSeconds,
        List<EvaluationView> evaluations,
        DeviceCost trainingCost,
        DeviceCost evaluationCost,
        StageProgress progress) {

    /** Without progress. */
    public StageLineage(int index, String status, String dataset, String datasetUri, JsonNode manifest,
            JsonNode settings, JsonNode model, Integer attempt, TrainingOutcome training, String checkpointUri,
            String failureReason, Double evalSeconds, List<EvaluationView> evaluations, DeviceCost trainingCost,
            DeviceCost evaluationCost) {
        this(index, status, dataset, datasetUri, manifest, settings, model, attempt, training, checkpointUri,
                failureReason, evalSeconds, evaluations, trainingCost, evaluationCost, null);
    }

    /** Without costs. */
    public StageLineage(int index, String status, String dataset, String datasetUri, JsonNode manifest,
            JsonNode settings, JsonNode model, Integer attempt, TrainingOutcome training, String checkpointUri,
            String failureReason, Double evalSeconds, List<EvaluationView> evaluations) {
        this(index, status, dataset, datasetUri, manifest, settings, model, attempt, training, checkpointUri,
                failureReason, evalSeconds, evaluations, null, null, null);
    }
}
