package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * A trainer took a job.
 *
 * @param worker which trainer instance, to find its logs
 * @param plannedSteps optimizer steps the stopping rule allows at most
 * @param resumedFromStep 0 for a fresh start, else the step of the checkpoint it resumed from
 */
public record TrainingStarted(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        int stageIndex,
        int attempt,
        String worker,
        long plannedSteps,
        long resumedFromStep) implements TrainingEvent {

    public TrainingStarted {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.stageIndex(stageIndex, "stageIndex");
        Require.nonNegative(attempt, "attempt");
        Require.present(runId, "runId");
        Require.present(worker, "worker");
    }

    public static TrainingStarted of(String experimentId, String runId, int stageIndex, int attempt, String worker,
            long plannedSteps, long resumedFromStep) {
        return new TrainingStarted(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, attempt,
                worker, plannedSteps, resumedFromStep);
    }
}
