package ai.mnemo.results.messaging;

/**
 * The incoming channels, one per topic (application.properties binds each to its topic, all in consumer group
 * {@value #GROUP}). Shared by the consumers and the tests.
 */
public final class Channels {

    public static final String GROUP = "mnemo-results";

    public static final String EXPERIMENTS = "experiments-in";
    public static final String RUNS = "runs-in";
    public static final String DATASETS = "datasets-in";
    public static final String TRAINING_JOBS = "training-jobs-in";
    public static final String TRAINING = "training-in";
    public static final String EVAL_JOBS = "eval-jobs-in";
    public static final String EVAL = "eval-in";

    private Channels() {
    }
}
