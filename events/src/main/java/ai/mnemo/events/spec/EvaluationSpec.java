package ai.mnemo.events.spec;

/**
 * How checkpoints are evaluated.
 *
 * @param maxNewTokens default generation cap of every dataset
 * @param batchSize rows per generation batch
 */
public record EvaluationSpec(Integer maxNewTokens, Integer batchSize) {

    static final EvaluationSpec EMPTY = new EvaluationSpec(null, null);

    public EvaluationSpec resolve() {
        return new EvaluationSpec(SpecDefaults.or(maxNewTokens, SpecDefaults.EVALUATION.maxNewTokens()),
                SpecDefaults.or(batchSize, SpecDefaults.EVALUATION.batchSize()));
    }
}
