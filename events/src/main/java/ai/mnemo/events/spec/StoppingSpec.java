package ai.mnemo.events.spec;

import ai.mnemo.events.v1.StoppingRule;

/**
 * When training of a stage ends, as written. {@code rule} is {@code auto} by default: the paper's rule for D_A's
 * dataset, chosen by data-service. The other rules and their keys are described on {@link StoppingRule}.
 */
public record StoppingSpec(String rule, Integer epochs, Double lossThreshold, Integer lossSteps) {

    /** This block's keys, falling back to {@code base} for each absent one. */
    public StoppingSpec over(StoppingSpec base) {
        if (base == null) {
            return this;
        }
        return new StoppingSpec(
                SpecDefaults.or(rule, base.rule),
                SpecDefaults.or(epochs, base.epochs),
                SpecDefaults.or(lossThreshold, base.lossThreshold),
                SpecDefaults.or(lossSteps, base.lossSteps));
    }

    /** The same block with {@code auto} replaced by a concrete rule. */
    public StoppingSpec withRule(String concreteRule) {
        return new StoppingSpec(concreteRule, epochs, lossThreshold, lossSteps);
    }

    /**
     * The wire form of a resolved block.
     *
     * @throws IllegalStateException while the rule is {@code auto} or a key is absent
     */
    public StoppingRule toRule() {
        if (rule == null || SpecVocabulary.AUTO.equals(rule) || epochs == null || lossThreshold == null
                || lossSteps == null) {
            throw new IllegalStateException("stopping rule is not resolved: " + this);
        }
        return new StoppingRule(rule, epochs, lossThreshold, lossSteps);
    }
}
