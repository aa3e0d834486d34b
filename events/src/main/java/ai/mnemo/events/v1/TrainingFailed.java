package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * A training attempt failed; {@code reason} says what happened (e.g. the memorized rule hit its epoch cap).
 * {@code retryable} is true when the attempt broke on something outside the job (an I/O error, the engine), so that
 * another attempt may succeed; absent (older trainers) or false, the job itself is at fault and the run fails.
 */
public record TrainingFailed(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        int stageIndex,
        int attempt,
        String reason,
        Boolean retryable) implements TrainingEvent {

    public TrainingFailed {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.stageIndex(stageIndex, "stageIndex");
        Require.nonNegative(attempt, "attempt");
        Require.present(runId, "runId");
        Require.present(reason, "reason");
    }

    /** A failure of the job itself: trying again would fail the same way. */
    public static TrainingFailed of(String experimentId, String runId, int stageIndex, int attempt, String reason) {
        return new TrainingFailed(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, attempt,
                reason, false);
    }

    /** A failure outside the job: another attempt may succeed. */
    public static TrainingFailed retryable(String experimentId, String runId, int stageIndex, int attempt,
            String reason) {
        return new TrainingFailed(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, attempt,
                reason, true);
    }

    /** Whether another attempt may succeed. */
    public boolean mayRetry() {
        return Boolean.TRUE.equals(retryable);
    }
}
