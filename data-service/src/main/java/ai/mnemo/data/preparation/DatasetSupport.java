package ai.mnemo.data.preparation;

import ai.mnemo.data.plan.StagePlan;
import ai.mnemo.events.spec.SpecVocabulary;

/**
 * What a stage's dataset asks of preparation. Whether a stage may ask it (formats, the filter on KVR, exports) is
 * the spec validator's business, at the door: a plan that reaches here passed it.
 */
public final class DatasetSupport {

    private DatasetSupport() {
    }

    /** Whether stage i's facts go through the known-fact filter. */
    public static boolean filtered(StagePlan stage) {
        return !SpecVocabulary.KVR.equals(stage.dataset().name()) && Boolean.TRUE.equals(stage.dataset().filter());
    }
}
