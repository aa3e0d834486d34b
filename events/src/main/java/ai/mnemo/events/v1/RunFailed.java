package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * The run stopped for good.
 *
 * @param stageIndex the stage that failed, when the failure belongs to one
 * @param reason what happened and what to fix, for people
 */
public record RunFailed(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        Integer stageIndex,
        String reason) implements RunEvent {

    public RunFailed {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.stageIndex(stageIndex, "stageIndex");
        Require.present(runId, "runId");
        Require.present(reason, "reason");
    }

    public static RunFailed of(String experimentId, String runId, Integer stageIndex, String reason) {
        return new RunFailed(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, reason);
    }
}
