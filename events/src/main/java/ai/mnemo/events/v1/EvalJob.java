package ai.mnemo.events.v1;

import java.time.Instant;
import java.util.List;

/**
 * Evaluate the checkpoint of stage {@code stageIndex} on every dataset seen so far: one target per stage
 * 0..stageIndex, which is one row of the retention matrix.
 *
 * @param outputUri where to write the predictions
 * @param precision the evaluated stage's training precision (one of {@link TrainingSettings#PRECISIONS}), whose
 *     compute dtype the evaluation runs in; null means {@code fp32}
 */
public record EvalJob(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        int stageIndex,
        String checkpointUri,
        List<EvalTarget> targets,
        String outputUri,
        String precision) implements EvalCommand, RunScoped {

    public EvalJob {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.stageIndex(stageIndex, "stageIndex");
        Require.present(runId, "runId");
        Require.present(checkpointUri, "checkpointUri");
        targets = Require.list(targets, "targets");
        Require.present(outputUri, "outputUri");
        if (precision != null && !TrainingSettings.PRECISIONS.contains(precision)) {
            throw new IllegalArgumentException("precision must be one of " + TrainingSettings.PRECISIONS + " (was "
                    + precision + ")");
        }
    }

    /** A job in FP32, as before the field existed. */
    public EvalJob(String eventId, Instant occurredAt, String experimentId, String runId, int stageIndex,
            String checkpointUri, List<EvalTarget> targets, String outputUri) {
        this(eventId, occurredAt, experimentId, runId, stageIndex, checkpointUri, targets, outputUri, null);
    }

    public static EvalJob of(String experimentId, String runId, int stageIndex, String checkpointUri,
            List<EvalTarget> targets, String outputUri, String precision) {
        return new EvalJob(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, checkpointUri,
                targets, outputUri, precision);
    }

    public static EvalJob of(String experimentId, String runId, int stageIndex, String checkpointUri,
            List<EvalTarget> targets, String outputUri) {
        return of(experimentId, runId, stageIndex, checkpointUri, targets, outputUri, null);
    }

    /** {@link #precision()} with its default filled in. */
    public String precisionOrDefault() {
        return precision == null ? TrainingSettings.PRECISION_FP32 : precision;
    }
}
