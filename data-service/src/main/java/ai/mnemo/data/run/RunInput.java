package ai.mnemo.data.run;

import ai.mnemo.events.v1.EvalResult;
import java.util.List;

/** What happens to a run: the events data-service reads for it, its own decisions, and the watchdog's tick. */
public sealed interface RunInput {

    /** The stage the input is about, or null for the run as a whole. */
    default Integer stage() {
        return null;
    }

    /** Its probes reported and a trainer may take it: start stage 0. */
    record Begin() implements RunInput {}

    /** TrainingStarted: a trainer took the attempt's job. */
    record Started(Integer stage, int attempt) implements RunInput {}

    /** TrainingProgress: the stage's training is alive. */
    record Progressed(Integer stage) implements RunInput {}

    /** StageCompleted. */
    record Trained(Integer stage, int attempt, String checkpointUri) implements RunInput {}

    /** EvalCompleted. */
    record Evaluated(Integer stage, List<EvalResult> results) implements RunInput {}

    /** A stage's rows cannot be prepared, before or while the run goes. */
    record DatasetUnavailable(Integer stage, String field, String message, String description) implements RunInput {}

    /**
     * Something went wrong: a training attempt failed ({@code attempt} set; {@code retryable} when another attempt may
     * succeed), an evaluation or probe failed, or a handler broke ({@code stage} may then be null).
     */
    record Failed(Integer stage, Integer attempt, String reason, boolean retryable) implements RunInput {

        /** A failure that ends the run. */
        public Failed(Integer stage, Integer attempt, String reason) {
            this(stage, attempt, reason, false);
        }
    }

    /** The watchdog's look at the clock. */
    record Tick() implements RunInput {}

    /** The experiment was cancelled. */
    record Cancel() implements RunInput {}
}
