package ai.mnemo.data.preparation;

import ai.mnemo.data.plan.RunPlan;
import ai.mnemo.data.plan.StagePlan;
import ai.mnemo.datasets.kvr.KvrSplits;
import ai.mnemo.events.spec.SpecVocabulary;

/**
 * What this version can prepare: KVR (formats {@code qa} and {@code random-prefix}) and random-word mixing. The
 * public datasets, generic-text mixing and the known-fact filter come later; a run that needs them fails before it
 * trains anything, naming the field.
 */
public final class DatasetSupport {

    public static final String RANDOM_WORDS = "random-words";

    private DatasetSupport() {
    }

    /** Every stage of the run, so an unsupported stage 2 does not waste the training of stage 1. */
    public static void checkAll(RunPlan plan) {
        for (StagePlan stage : plan.stages()) {
            check(plan, stage.index());
        }
    }

    /** @throws DatasetUnavailableException naming the first field that cannot be served */
    public static void check(RunPlan plan, int stageIndex) {
        StagePlan stage = plan.stage(stageIndex);
        String at = "stages[" + stageIndex + "].dataset";
        String name = stage.dataset().name();
        if (!SpecVocabulary.KVR.equals(name)) {
            throw new DatasetUnavailableException(stageIndex, at + ".name", "dataset " + name
                    + " is not supported yet: this version of data-service prepares kvr only (the public datasets and"
                    + " the known-fact filter come in a later release); use kvr for this stage");
        }
        String format = stage.dataset().format();
        if (!KvrSplits.QA.equals(format) && !KvrSplits.RANDOM_PREFIX.equals(format)) {
            throw new DatasetUnavailableException(stageIndex, at + ".format", "format " + format
                    + " does not apply to kvr, whose facts have no answer options; use qa or random-prefix");
        }
        if (stage.mixing() != null && !RANDOM_WORDS.equals(stage.mixing().source())) {
            throw new DatasetUnavailableException(stageIndex, "grid.methods[" + plan.methodIndex() + "].mixing.source",
                    "mixing source " + stage.mixing().source() + " is not supported yet: only random-words is;"
                    + " generic-text sources come in a later release");
        }
    }
}
