package ai.mnemo.results.persistence;

import java.util.Locale;

/**
 * The life of one stage of one run, in the order the choreography drives it. {@link #FAILED} ranks highest: the
 * architecture never retries a failed stage (the run fails), so a failure is final whatever arrives after it.
 */
public enum StageStatus {

    /** Known from the run's plan only. */
    PENDING,
    /** DatasetPrepared: its rows are ready. */
    PREPARED,
    /** TrainingJob: waiting for a trainer. */
    QUEUED,
    /** TrainingStarted or TrainingProgress. */
    TRAINING,
    /** StageCompleted: the checkpoint exists. */
    TRAINED,
    /** EvalJob: waiting for an evaluator. */
    EVALUATING,
    /** EvalCompleted. */
    EVALUATED,
    /** DatasetFailed, TrainingFailed or EvalFailed. */
    FAILED;

    public StageStatus advance(StageStatus next) {
        return next.ordinal() > ordinal() ? next : this;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
