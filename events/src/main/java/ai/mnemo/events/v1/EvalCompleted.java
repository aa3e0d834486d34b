package ai.mnemo.events.v1;

import java.time.Instant;
import java.util.List;

/**
 * The scores of one stage's checkpoint on every dataset seen so far: one row of the retention matrix.
 *
 * @param cost what the evaluation cost; absent from older evaluators
 */
public record EvalCompleted(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        int stageIndex,
        String checkpointUri,
        List<EvalResult> results,
        double evalSeconds,
        DeviceCost cost) implements EvalEvent, RunScoped {

    public EvalCompleted {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.stageIndex(stageIndex, "stageIndex");
        Require.present(runId, "runId");
        Require.present(checkpointUri, "checkpointUri");
        results = Require.list(results, "results");
    }

    /** Without a cost, as v1 had it before costs (tests and older producers). */
    public EvalCompleted(String eventId, Instant occurredAt, String experimentId, String runId, int stageIndex,
            String checkpointUri, List<EvalResult> results, double evalSeconds) {
        this(eventId, occurredAt, experimentId, runId, stageIndex, checkpointUri, results, evalSeconds, null);
    }

    public EvalCompleted withCost(DeviceCost cost) {
        return new EvalCompleted(eventId, occurredAt, experimentId, runId, stageIndex, checkpointUri, results,
                evalSeconds, cost);
    }

    public static EvalCompleted of(String experimentId, String runId, int stageIndex, String checkpointUri,
            List<EvalResult> results, double evalSeconds) {
        return new EvalCompleted(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, checkpointUri,
                results, evalSeconds);
    }
}
