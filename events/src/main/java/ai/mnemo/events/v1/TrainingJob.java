package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * Train {@code model} on the prepared rows at {@code datasetUri} and write the checkpoint to {@code checkpointUri}.
 * Delivery is at-least-once: a trainer resumes from what it finds at {@code checkpointUri}.
 *
 * @param attempt 1 for the first try; a retry of the same stage gets the next number
 * @param model the base model for stage 0, the previous stage's checkpoint after that
 */
public record TrainingJob(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        int stageIndex,
        int attempt,
        ModelRef model,
        String datasetUri,
        String checkpointUri,
        TrainingSettings settings) implements TrainingCommand {

    public TrainingJob {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.stageIndex(stageIndex, "stageIndex");
        Require.nonNegative(attempt, "attempt");
        Require.present(runId, "runId");
        Require.present(model, "model");
        Require.present(datasetUri, "datasetUri");
        Require.present(checkpointUri, "checkpointUri");
        Require.present(settings, "settings");
    }

    public static TrainingJob of(String experimentId, String runId, int stageIndex, int attempt, ModelRef model,
            String datasetUri, String checkpointUri, TrainingSettings settings) {
        return new TrainingJob(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, attempt, model,
                datasetUri, checkpointUri, settings);
    }
}
