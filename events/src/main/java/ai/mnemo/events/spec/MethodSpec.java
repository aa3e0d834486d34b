package ai.mnemo.events.spec;

/**
 * One continual-learning method and its parameters:
 * <ul>
 *   <li>{@code naive}: train on each stage's facts only;
 *   <li>{@code remix}: mix generic sequences into stages' pools ({@code mixing});
 *   <li>{@code replay}: mix a share of D_A's facts into later stages ({@code replay});
 *   <li>{@code kl}: penalise the KL divergence from the stage-start model in later stages ({@code kl});
 *   <li>{@code ewc}: elastic weight consolidation towards stage 0's weights ({@code ewc});
 *   <li>{@code lora}: train low-rank adapters instead of every weight in later stages ({@code lora}).
 * </ul>
 */
public record MethodSpec(String name, MixingSpec mixing, ReplaySpec replay, KlSpec kl, EwcSpec ewc, LoraSpec lora) {

    /** A data-only method (naive, remix, replay). */
    public MethodSpec(String name, MixingSpec mixing, ReplaySpec replay) {
        this(name, mixing, replay, null, null, null);
    }

    /** This method with every default applied; its own parameter block is filled in when left out. */
    public MethodSpec resolve(int stageCount) {
        KlSpec k = kl != null ? kl : SpecVocabulary.KL.equals(name) ? new KlSpec(null) : null;
        EwcSpec e = ewc != null ? ewc : SpecVocabulary.EWC.equals(name) ? new EwcSpec(null) : null;
        LoraSpec l = lora != null ? lora : SpecVocabulary.LORA.equals(name) ? new LoraSpec(null, null, null, null)
                : null;
        return new MethodSpec(name, mixing == null ? null : mixing.resolve(stageCount), replay,
                k == null ? null : k.resolve(), e == null ? null : e.resolve(), l == null ? null : l.resolve(stageCount));
    }

    public MethodSpec withMixing(MixingSpec value) {
        return new MethodSpec(name, value, replay, kl, ewc, lora);
    }

    public MethodSpec withKl(KlSpec value) {
        return new MethodSpec(name, mixing, replay, value, ewc, lora);
    }

    public MethodSpec withEwc(EwcSpec value) {
        return new MethodSpec(name, mixing, replay, kl, value, lora);
    }

    public MethodSpec withLora(LoraSpec value) {
        return new MethodSpec(name, mixing, replay, kl, ewc, value);
    }
}
