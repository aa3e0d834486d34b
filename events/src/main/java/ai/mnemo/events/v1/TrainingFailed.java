package ai.mnemo.events.v1;

import java.time.Instant;

/** A training attempt failed; {@code reason} says what happened (e.g. the memorized rule hit its epoch cap). */
public record TrainingFailed(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        int stageIndex,
        int attempt,
        String reason) implements TrainingEvent {

    public TrainingFailed {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.stageIndex(stageIndex, "stageIndex");
        Require.nonNegative(attempt, "attempt");
        Require.present(runId, "runId");
        Require.present(reason, "reason");
    }

    public static TrainingFailed of(String experimentId, String runId, int stageIndex, int attempt, String reason) {
        return new TrainingFailed(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, attempt,
                reason);
    }
}
