package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * An evaluation or a probe failed. A failed EvalJob carries {@code runId} and {@code stageIndex}; a failed ProbeJob
 * carries {@code probeId} (and is keyed by experiment).
 */
public record EvalFailed(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        Integer stageIndex,
        String probeId,
        String reason) implements EvalEvent, RunScoped {

    public EvalFailed {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.stageIndex(stageIndex, "stageIndex");
        Require.present(reason, "reason");
    }

    public static EvalFailed of(String experimentId, String runId, Integer stageIndex, String probeId, String reason) {
        return new EvalFailed(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, probeId, reason);
    }

    /** An EvalJob failed. */
    public static EvalFailed ofRun(String experimentId, String runId, int stageIndex, String reason) {
        return of(experimentId, runId, stageIndex, null, reason);
    }

    /** A ProbeJob failed. */
    public static EvalFailed ofProbe(String experimentId, String probeId, String reason) {
        return of(experimentId, null, null, probeId, reason);
    }
}
