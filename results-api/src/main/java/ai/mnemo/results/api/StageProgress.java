package ai.mnemo.results.api;

import java.time.Instant;

/**
 * How far the training of a stage has come, for progress bars: the latest attempt's TrainingStarted (planned steps,
 * where it resumed from, when) and the latest TrainingProgress read after it (step, epoch, loss, when).
 *
 * @param attempt the training attempt these numbers belong to
 * @param plannedSteps optimizer steps the stopping rule allows at most (a stage that memorizes may stop earlier)
 * @param resumedFromStep 0 for a fresh start, else the checkpoint's step the attempt resumed from
 * @param attemptStartedAt when the attempt started (its TrainingStarted)
 * @param step optimizer steps done; {@code resumedFromStep} until the first progress report
 * @param epoch the epoch of {@code step}, counted from 1; null before the first progress report
 * @param loss the loss at {@code step}; null before the first progress report
 * @param reportedAt when {@code step} was reported; null before the first progress report
 */
public record StageProgress(int attempt, long plannedSteps, long resumedFromStep, Instant attemptStartedAt,
        long step, Integer epoch, Double loss, Instant reportedAt) {
}
