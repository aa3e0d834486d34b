package ai.mnemo.data.plan;

import ai.mnemo.events.spec.MethodSpec;
import ai.mnemo.events.v1.StageMethod;

/**
 * What a run's method changes in training stage {@code i} (the wire's {@link StageMethod}): KL and EWC penalise
 * every stage after 0, EWC needs stage 0 to keep its Fisher information, LoRA adapts the stages its spec lists.
 */
final class StageMethods {

    private StageMethods() {
    }

    /** @return null when stage {@code i} trains plainly */
    static StageMethod of(MethodSpec method, int i, String stageZeroCheckpoint) {
        StageMethod.Kl kl = method.kl() != null && i > 0 ? new StageMethod.Kl(method.kl().weight()) : null;
        StageMethod.Ewc ewc = method.ewc() != null && i > 0
                ? new StageMethod.Ewc(method.ewc().lambda(), stageZeroCheckpoint) : null;
        StageMethod.Lora lora = method.lora() != null && method.lora().stages().contains(i)
                ? new StageMethod.Lora(method.lora().rank(), method.lora().alphaOrDefault(), method.lora().targetModules())
                : null;
        boolean fisher = method.ewc() != null && i == 0;
        return kl == null && ewc == null && lora == null && !fisher ? null
                : new StageMethod(kl, ewc, lora, fisher ? Boolean.TRUE : null);
    }
}
