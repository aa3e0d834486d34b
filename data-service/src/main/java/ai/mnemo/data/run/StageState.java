package ai.mnemo.data.run;

import ai.mnemo.events.v1.ModelRef;
import java.time.Instant;

/**
 * One stage of a run's state.
 *
 * @param attempt the training attempt whose job is out (0 before the first)
 * @param model what the stage trains from, kept so that the watchdog can issue the job again
 * @param started whether a trainer announced the current attempt (TrainingStarted or progress)
 * @param checkpointUri the trained checkpoint, once the stage completed
 * @param evaluations how many evaluation jobs were issued for the checkpoint
 * @param since the last sign of life: the job issued, the attempt started or progressed, the evaluation issued
 * @param retryAt when the current attempt's job is due, after a failure another attempt may get past; null when it
 *     is out
 */
public record StageState(
        StageStatus status,
        int attempt,
        ModelRef model,
        boolean started,
        String checkpointUri,
        int evaluations,
        Instant since,
        Instant retryAt) {

    static StageState pending() {
        return new StageState(StageStatus.PENDING, 0, null, false, null, 0, null, null);
    }

    StageState training(int nextAttempt, ModelRef from, Instant now) {
        return new StageState(StageStatus.TRAINING, nextAttempt, from, false, null, 0, now, null);
    }

    /** The next attempt, its job held back until {@code due}. */
    StageState retrying(Instant now, Instant due) {
        return new StageState(StageStatus.TRAINING, attempt + 1, model, false, null, 0, now, due);
    }

    /** The held-back job is out now. */
    StageState issued(Instant now) {
        return new StageState(status, attempt, model, false, checkpointUri, evaluations, now, null);
    }

    StageState alive(Instant now) {
        return new StageState(status, attempt, model, true, checkpointUri, evaluations, now, retryAt);
    }

    StageState trained(String checkpoint, Instant now) {
        return new StageState(StageStatus.TRAINED, attempt, model, started, checkpoint, 1, now, null);
    }

    StageState evaluatedAgain(Instant now) {
        return new StageState(status, attempt, model, started, checkpointUri, evaluations + 1, now, retryAt);
    }

    StageState evaluated() {
        return new StageState(StageStatus.EVALUATED, attempt, model, started, checkpointUri, evaluations, since,
                retryAt);
    }
}
