package ai.mnemo.events.spec;

/** Rules of a training block, the experiment's ({@code training}) or a stage's ({@code stages[i].training}). */
final class TrainingRules {

    private TrainingRules() {
    }

    static void check(Checks checks, String prefix, TrainingSpec training) {
        if (training == null) {
            return;
        }
        SpecLimits limits = checks.limits();
        checks.positive(prefix + ".learningRate", training.learningRate());
        checks.upTo(prefix + ".batchSize", training.batchSize(), 1, limits.batchSize(), "batch-size");
        checks.fraction(prefix + ".warmupRatio", training.warmupRatio(), true);
        checks.nonNegative(prefix + ".weightDecay", training.weightDecay());
        checks.positive(prefix + ".maxGradNorm", training.maxGradNorm());
        checks.upTo(prefix + ".maxSequenceLength", training.maxSequenceLength(), 1, limits.sequenceLength(),
                "sequence-length");
        checks.upTo(prefix + ".microBatchSize", training.microBatchSize(), 1, limits.batchSize(), "batch-size");
        checks.oneOf(prefix + ".loss", training.loss(), SpecVocabulary.LOSSES);
        checks.oneOf(prefix + ".precision", training.precision(), SpecVocabulary.PRECISIONS);
        StoppingSpec stopping = training.stopping();
        if (stopping != null) {
            String at = prefix + ".stopping";
            checks.oneOf(at + ".rule", stopping.rule(), SpecVocabulary.STOPPING_RULES);
            checks.upTo(at + ".epochs", stopping.epochs(), 1, limits.epochs(), "epochs");
            checks.positive(at + ".lossThreshold", stopping.lossThreshold());
            checks.upTo(at + ".lossSteps", stopping.lossSteps(), 1, limits.stepsPerStage(), "steps-per-stage");
        }
    }
}
