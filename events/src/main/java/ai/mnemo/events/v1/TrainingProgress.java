package ai.mnemo.events.v1;

import java.time.Instant;

/**
 * Sent every few steps and at every epoch end, for progress bars and loss curves.
 *
 * @param step optimizer steps done so far in this stage
 * @param epoch the epoch the step belongs to, counted from 1
 * @param exactMatch fraction (0..1) of the stage's facts answered exactly; present when the stopping rule checked
 *        memorization at this epoch
 * @param penalty the method's penalty terms (KL, EWC) added to {@code loss}, the cross-entropy; present for methods
 *        that have one
 */
public record TrainingProgress(
        String eventId,
        Instant occurredAt,
        String experimentId,
        String runId,
        int stageIndex,
        long step,
        int epoch,
        double loss,
        double learningRate,
        double tokensPerSecond,
        Double exactMatch,
        Double penalty) implements TrainingEvent {

    public TrainingProgress {
        Require.envelope(eventId, occurredAt, experimentId);
        Require.stageIndex(stageIndex, "stageIndex");
        Require.present(runId, "runId");
    }

    public static TrainingProgress of(String experimentId, String runId, int stageIndex, long step, int epoch,
            double loss, double learningRate, double tokensPerSecond, Double exactMatch, Double penalty) {
        return new TrainingProgress(Envelope.newEventId(), Envelope.now(), experimentId, runId, stageIndex, step, epoch,
                loss, learningRate, tokensPerSecond, exactMatch, penalty);
    }
}
