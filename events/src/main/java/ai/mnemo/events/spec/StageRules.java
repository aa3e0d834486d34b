package ai.mnemo.events.spec;

import java.util.List;

/** Rules of {@code stages}: their number, each stage's dataset, training overrides and gate. */
final class StageRules {

    private StageRules() {
    }

    static void check(Checks checks, List<StageSpec> stages) {
        if (!checks.required("stages", stages) || !checks.size("stages", stages, 1, checks.limits().stages())) {
            return;
        }
        for (int i = 0; i < stages.size(); i++) {
            String at = "stages[" + i + "]";
            StageSpec stage = stages.get(i);
            if (!checks.required(at, stage)) {
                continue;
            }
            if (checks.required(at + ".dataset", stage.dataset())) {
                dataset(checks, at + ".dataset", stage.dataset());
            }
            TrainingRules.check(checks, at + ".training", stage.training());
            checks.oneOf(at + ".gate", stage.gate(), SpecVocabulary.GATES);
        }
    }

    private static void dataset(Checks checks, String at, DatasetSpec dataset) {
        String name = dataset.name();
        if (checks.required(at + ".name", name)) {
            checks.oneOf(at + ".name", name, SpecVocabulary.DATASETS);
        }
        boolean publicDataset = name != null && SpecVocabulary.DATASETS.contains(name)
                && !SpecVocabulary.KVR.equals(name);
        checks.oneOf(at + ".split", dataset.split(), SpecVocabulary.SPLITS);
        checks.upTo(at + ".size", dataset.size(), 1, checks.limits().datasetSize(), "dataset-size");
        if (publicDataset && dataset.path() == null) {
            checks.fail(at + ".path", "is required for " + name + " (its local export, relative to the data root)");
        }
        checks.underRoot(at + ".path", dataset.path(), "data root");
        checks.oneOf(at + ".format", dataset.format(), SpecVocabulary.FORMATS);
        format(checks, at, name, dataset.format());
        if (SpecVocabulary.KVR.equals(name) && Boolean.TRUE.equals(dataset.filter())) {
            checks.fail(at + ".filter", "kvr facts are random strings that no model knows, so the known-fact filter"
                    + " has nothing to drop; set filter: false or leave it out");
        }
        checks.oneOf(at + ".metric", dataset.metric(), SpecVocabulary.METRICS);
        checks.upTo(at + ".maxNewTokens", dataset.maxNewTokens(), 1, checks.limits().newTokens(), "new-tokens");
    }

    /** Which formats a dataset has: KVR's facts have no answer options, long answers have no multiple choice. */
    private static void format(Checks checks, String at, String name, String format) {
        if (name == null || format == null || !SpecVocabulary.FORMATS.contains(format)) {
            return;
        }
        if (SpecVocabulary.KVR.equals(name) && SpecVocabulary.MULTIPLE_CHOICE.equals(format)) {
            checks.fail(at + ".format", "multiple-choice does not apply to kvr, whose facts have no answer options;"
                    + " use qa or random-prefix");
        } else if (!SpecVocabulary.KVR.equals(name) && SpecVocabulary.RANDOM_PREFIX.equals(format)) {
            checks.fail(at + ".format", "random-prefix is only for kvr (was used with " + name + ")");
        } else if (SpecVocabulary.NON_FACTOID.contains(name) && SpecVocabulary.MULTIPLE_CHOICE.equals(format)) {
            checks.fail(at + ".format", name + " has long answers, not factoids, so it has no multiple-choice form;"
                    + " use qa");
        }
    }
}
