package ai.mnemo.data.preparation;

import ai.mnemo.data.plan.RunPlan;
import ai.mnemo.data.plan.StagePlan;
import ai.mnemo.datasets.format.FactRows;
import ai.mnemo.datasets.kvr.KvrSplits;
import ai.mnemo.datasets.source.DatasetSource;
import ai.mnemo.datasets.source.DatasetSources;
import ai.mnemo.datasets.source.SourceException;
import ai.mnemo.events.spec.SpecVocabulary;

/**
 * What a stage may ask for, checked from the plan alone before any file is read, so a run that cannot be prepared
 * fails before it trains anything, naming the field: a known dataset and mixing source, a format the dataset has,
 * generic-text mixing with its export, and no known-fact filter on KVR (whose random facts no model can know: the
 * filter is never silently skipped, so asking for it is refused).
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
        String format = stage.dataset().format();
        if (SpecVocabulary.KVR.equals(name)) {
            if (!KvrSplits.QA.equals(format) && !KvrSplits.RANDOM_PREFIX.equals(format)) {
                throw new DatasetUnavailableException(stageIndex, at + ".format", "format " + format
                        + " does not apply to kvr, whose facts have no answer options; use qa or random-prefix");
            }
            if (Boolean.TRUE.equals(stage.dataset().filter())) {
                throw new DatasetUnavailableException(stageIndex, at + ".filter", "kvr facts are random strings that"
                        + " no model knows, so the known-fact filter has nothing to drop; set filter: false");
            }
        } else {
            DatasetSource source;
            try {
                source = DatasetSources.named(name);
            } catch (SourceException e) {
                throw new DatasetUnavailableException(stageIndex, at + ".name", e.getMessage(), e);
            }
            if (!FactRows.QA.equals(format) && !FactRows.MULTIPLE_CHOICE.equals(format)) {
                throw new DatasetUnavailableException(stageIndex, at + ".format", "format " + format
                        + " does not apply to " + name + "; use qa or multiple-choice");
            }
            if (FactRows.MULTIPLE_CHOICE.equals(format) && !source.factoid()) {
                throw new DatasetUnavailableException(stageIndex, at + ".format", name + " has long answers, not"
                        + " factoids, so it has no multiple-choice form; use qa");
            }
            if (stage.dataset().path() == null) {
                throw new DatasetUnavailableException(stageIndex, at + ".path", "is required for " + name
                        + " (its local export, relative to the data root)");
            }
        }
        if (stage.mixing() != null && !RANDOM_WORDS.equals(stage.mixing().source())) {
            String mixing = "grid.methods[" + plan.methodIndex() + "].mixing";
            try {
                DatasetSources.passages(stage.mixing().source());
            } catch (SourceException e) {
                throw new DatasetUnavailableException(stageIndex, mixing + ".source", e.getMessage(), e);
            }
            if (stage.mixing().path() == null) {
                throw new DatasetUnavailableException(stageIndex, mixing + ".path", "mixing source "
                        + stage.mixing().source() + " needs its export: set mixing.path to the file under the data"
                        + " root");
            }
        }
    }

    /** Whether stage i's facts go through the known-fact filter. */
    public static boolean filtered(StagePlan stage) {
        return !SpecVocabulary.KVR.equals(stage.dataset().name()) && Boolean.TRUE.equals(stage.dataset().filter());
    }
}
