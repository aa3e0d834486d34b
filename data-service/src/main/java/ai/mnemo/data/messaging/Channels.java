package ai.mnemo.data.messaging;

/**
 * data-service's incoming channels, all in the consumer group {@link #GROUP}; application.properties binds each to
 * its topic. Tests and code share these names.
 */
public final class Channels {

    /** {@code mnemo.experiments.v1}: ExperimentRequested. */
    public static final String EXPERIMENTS = "data-experiments";
    /** {@code mnemo.training.v1}: StageCompleted, TrainingFailed. */
    public static final String TRAINING = "data-training";
    /** {@code mnemo.eval.v1}: EvalCompleted, ProbeCompleted, EvalFailed. */
    public static final String EVAL = "data-eval";

    public static final String GROUP = "mnemo-data";

    private Channels() {
    }
}
