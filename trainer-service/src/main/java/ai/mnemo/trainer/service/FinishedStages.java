package ai.mnemo.trainer.service;

import ai.mnemo.events.v1.StageCompleted;
import ai.mnemo.events.v1.TrainingJob;
import ai.mnemo.lm.train.TrainingResult;
import ai.mnemo.lm.train.TrainingState;

/**
 * Turns the end of a training run, or the saved state of a checkpoint that already finished, into the stage's
 * outcome. Both paths give the same StageCompleted numbers, so a redelivered job re-announces exactly what the
 * first delivery announced.
 */
final class FinishedStages {

    static final String STOPPED = TrainingResult.STOPPED;

    private FinishedStages() {}

    static StageOutcome of(TrainingJob job, TrainingResult result) {
        if (STOPPED.equals(result.stopReason())) {
            return new StageOutcome.Interrupted(result.steps());
        }
        if (result.failed()) {
            return new StageOutcome.Failed(failure(job, result.stopReason(), result.steps(), result.epochs(),
                    result.exactMatch()));
        }
        return completed(job, result.steps(), result.epochs(), result.finalLoss(), result.stopReason(),
                result.seconds(), result.tokensPerSecond(), true);
    }

    /** The outcome recorded in a finished checkpoint's {@code trainer_state.json}. */
    static StageOutcome of(TrainingJob job, TrainingState state) {
        if (TrainingResult.isFailure(state.stopReason())) {
            return new StageOutcome.Failed(failure(job, state.stopReason(), state.step(), state.epoch(), null));
        }
        return completed(job, state.step(), state.epoch(), state.lastLoss(), state.stopReason(), state.seconds(),
                state.seconds() > 0 ? state.tokens() / state.seconds() : 0, false);
    }

    private static StageOutcome completed(TrainingJob job, long steps, int epochs, double loss, String reason,
            double seconds, double tokensPerSecond, boolean trainedNow) {
        return new StageOutcome.Completed(StageCompleted.of(job.experimentId(), job.runId(), job.stageIndex(),
                job.attempt(), job.checkpointUri(), steps, epochs, loss, reason, seconds, tokensPerSecond), trainedNow);
    }

    private static String failure(TrainingJob job, String reason, long steps, int epochs, Double exactMatch) {
        return TrainingResult.DIVERGED.equals(reason) ? diverged(job, steps) : notMemorized(job, epochs, exactMatch);
    }

    static String diverged(TrainingJob job, long steps) {
        return "stage " + job.stageIndex() + " diverged after " + steps + " steps: the loss or its gradient became"
                + " NaN or infinite, so training stopped on the last finite weights; lower the learning rate";
    }

    static String notMemorized(TrainingJob job, int epochs, Double exactMatch) {
        String reached = exactMatch == null ? "" : String.format(java.util.Locale.ROOT, " (reached %.1f%%)",
                exactMatch * 100);
        return "stage " + job.stageIndex() + " did not reach 100% exact match on its facts within " + epochs
                + " epochs" + reached + "; raise stopping.epochs or the learning rate";
    }
}
