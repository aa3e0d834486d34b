package ai.mnemo.trainer.service;

import ai.mnemo.events.v1.StageCompleted;

/** How a job ended on this instance, before its outcome is published. */
public sealed interface StageOutcome {

    /**
     * The stage is trained and its checkpoint is final.
     *
     * @param trainedNow false when an earlier delivery trained it and this one only announces it again (no cost)
     */
    record Completed(StageCompleted event, boolean trainedNow) implements StageOutcome {}

    /**
     * The stage cannot be (or was not) trained as asked; the reason says why and what to change. {@code retryable}
     * when the attempt broke on something outside the job, which another attempt may not meet.
     */
    record Failed(String reason, boolean retryable) implements StageOutcome {

        public Failed(String reason) {
            this(reason, false);
        }
    }

    /**
     * Training stopped early because this instance is shutting down; a resumable checkpoint at {@code step} is
     * on disk and the job must be delivered again (to this or another instance) to finish.
     */
    record Interrupted(long step) implements StageOutcome {}
}
