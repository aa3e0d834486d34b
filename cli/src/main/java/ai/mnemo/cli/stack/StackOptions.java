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

    public static StackOptions forThisMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new StackOptions(1, cores, Math.max(1, cores / 2));
    }
}
