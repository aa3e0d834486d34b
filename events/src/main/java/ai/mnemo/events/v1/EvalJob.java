package ai.mnemo.events.v1;

import java.time.Instant;
import java.util.List;

/**
 * Evaluate the checkpoint of stage {@code stageIndex} on every dataset seen so far: one target per stage
 * 0..stageIndex, which is one row of the retention matrix.
 *
 * @param outputUri where to write the predictions
 */
public record EvalJob(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        int stageIndex,
        String checkpointUri,
        List<EvalTarget> targets,
        String outputUri) implements EvalCommand, RunScoped {

    public EvalJob {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.stageIndex(stageIndex, "stageIndex");
        Require.present(runId, "runId");
        Require.present(checkpointUri, "checkpointUri");
        targets = Require.list(targets, "targets");
        Require.present(outputUri, "outputUri");
    }

    public static EvalJob of(String experimentId, String runId, int stageIndex, String checkpointUri,
            List<EvalTarget> targets, String outputUri) {
        return new EvalJob(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, checkpointUri,
                targets, outputUri);
    }
}
