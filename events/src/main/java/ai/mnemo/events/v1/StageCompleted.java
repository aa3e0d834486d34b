package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * A stage finished training and its checkpoint is complete; this is what triggers evaluation and the next stage.
 *
 * @param stopReason why training ended, e.g. {@code memorized} or {@code fixed-epochs}
 * @param cost what training the stage cost; absent from older trainers and when a finished stage is announced
 *     again from its checkpoint (nothing was computed then)
 */
public record StageCompleted(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        int stageIndex,
        int attempt,
        String checkpointUri,
        long steps,
        int epochs,
        double finalLoss,
        String stopReason,
        double trainSeconds,
        double tokensPerSecond,
        DeviceCost cost) implements TrainingEvent {

    public StageCompleted {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.stageIndex(stageIndex, "stageIndex");
        Require.nonNegative(attempt, "attempt");
        Require.present(runId, "runId");
        Require.present(checkpointUri, "checkpointUri");
        Require.present(stopReason, "stopReason");
    }

    /** Without a cost, as v1 had it before costs (tests and older producers). */
    public StageCompleted(String eventId, Instant occurredAt, String experimentId, String runId, int stageIndex,
            int attempt, String checkpointUri, long steps, int epochs, double finalLoss, String stopReason,
            double trainSeconds, double tokensPerSecond) {
        this(eventId, occurredAt, experimentId, runId, stageIndex, attempt, checkpointUri, steps, epochs, finalLoss,
                stopReason, trainSeconds, tokensPerSecond, null);
    }

    public StageCompleted withCost(DeviceCost cost) {
        return new StageCompleted(eventId, occurredAt, experimentId, runId, stageIndex, attempt, checkpointUri, steps,
                epochs, finalLoss, stopReason, trainSeconds, tokensPerSecond, cost);
    }

    public static StageCompleted of(String experimentId, String runId, int stageIndex, int attempt,
            String checkpointUri, long steps, int epochs, double finalLoss, String stopReason, double trainSeconds,
            double tokensPerSecond) {
        return new StageCompleted(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, attempt,
                checkpointUri, steps, epochs, finalLoss, stopReason, trainSeconds, tokensPerSecond);
    }
}
