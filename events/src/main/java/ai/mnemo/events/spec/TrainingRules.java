package ai.mnemo.events.spec;

/** Rules of a training block, the experiment's ({@code training}) or a stage's ({@code stages[i].training}). */
final class TrainingRules {

    private TrainingRules() {
    }

    static void check(Checks checks, String prefix, TrainingSpec training) {
        if (training == null) {
            return;
        }
        checks.positive(prefix + ".learningRate", training.learningRate());
        checks.atLeast(prefix + ".batchSize", training.batchSize(), 1);
        checks.fraction(prefix + ".warmupRatio", training.warmupRatio(), true);
        checks.nonNegative(prefix + ".weightDecay", training.weightDecay());
        checks.positive(prefix + ".maxGradNorm", training.maxGradNorm());
        checks.atLeast(prefix + ".maxSequenceLength", training.maxSequenceLength(), 1);
        checks.atLeast(prefix + ".microBatchSize", training.microBatchSize(), 1);
        checks.oneOf(prefix + ".loss", training.loss(), SpecVocabulary.LOSSES);
        checks.oneOf(prefix + ".precision", training.precision(), SpecVocabulary.PRECISIONS);
        StoppingSpec stopping = training.stopping();
        if (stopping != null) {
            String at = prefix + ".stopping";
            checks.oneOf(at + ".rule", stopping.rule(), SpecVocabulary.STOPPING_RULES);
            checks.atLeast(at + ".epochs", stopping.epochs(), 1);
            checks.positive(at + ".lossThreshold", stopping.lossThreshold());
            checks.atLeast(at + ".lossSteps", stopping.lossSteps(), 1);
        }
    }
}
