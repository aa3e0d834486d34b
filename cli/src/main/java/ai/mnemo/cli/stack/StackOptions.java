package ai.mnemo.cli.stack;

/**
 * Tuning of a local stack. On a small machine the trainer and the evaluator share the cores: the evaluator of
 * stage i runs while the trainer trains stage i+1.
 *
 * @param trainers trainer-service instances, one consumer group (a fleet of one by default)
 * @param trainerThreads libtorch threads of each trainer
 * @param evalThreads libtorch threads of the evaluator
 */
public record StackOptions(int trainers, int trainerThreads, int evalThreads) {

    public StackOptions {
        if (trainers < 1 || trainerThreads < 1 || evalThreads < 1) {
            throw new IllegalArgumentException("a stack needs at least one trainer and one thread per service");
        }
    }

    /** One trainer on every core: a single run's stages follow one another, so one trainer takes them all. */
    public static StackOptions forThisMachine() {
        return forRuns(1);
    }

    /**
     * For an experiment of {@code runs} runs: a trainer per run up to one per core, the cores shared among them.
     * Runs then train side by side, one core each on a small machine, which uses the cores better than one trainer
     * whose intra-op threads split a small model's small tensors.
     */
    public static StackOptions forRuns(long runs) {
        int cores = Runtime.getRuntime().availableProcessors();
        int trainers = (int) Math.max(1, Math.min(runs, cores));
        return new StackOptions(trainers, Math.max(1, cores / trainers), Math.max(1, cores / 2));
    }
}
