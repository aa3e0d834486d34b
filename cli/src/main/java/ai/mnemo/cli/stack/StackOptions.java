package ai.mnemo.cli.stack;

/**
 * Tuning of a local stack. On a small machine the trainer and the evaluator share the cores: the evaluator of
 * stage i runs while the trainer trains stage i+1.
 */
public record StackOptions(int trainerThreads, int evalThreads) {

    public static StackOptions forThisMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new StackOptions(cores, Math.max(1, cores / 2));
    }
}
