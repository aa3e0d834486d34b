package ai.mnemo.events.spec;

/**
 * One continual-learning method: {@code naive} (train on the stage's facts only), {@code remix} (mix generic
 * sequences in; needs {@code mixing}) or {@code replay} (mix a share of D_A's facts into later stages; needs
 * {@code replay}).
 */
public record MethodSpec(String name, MixingSpec mixing, ReplaySpec replay) {

    public MethodSpec resolve(int stageCount) {
        return new MethodSpec(name, mixing == null ? null : mixing.resolve(stageCount), replay);
    }
}
