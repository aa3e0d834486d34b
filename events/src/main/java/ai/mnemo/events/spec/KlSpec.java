package ai.mnemo.events.spec;

/** The {@code kl} method's parameter: the weight of {@code KL(stage-start model || current model)} in the loss. */
public record KlSpec(Double weight) {

    public KlSpec resolve() {
        return new KlSpec(SpecDefaults.or(weight, SpecDefaults.KL_WEIGHT));
    }
}
