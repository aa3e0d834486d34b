package ai.mnemo.events.spec;

import java.util.List;

/** Rules of {@code stages}: their number, each stage's dataset, training overrides and gate. */
final class StageRules {

    static final int MAX_STAGES = 10;
    static final int MAX_SIZE = 100_000;

    private StageRules() {
    }

    static void check(Checks checks, List<StageSpec> stages) {
        if (!checks.required("stages", stages) || !checks.size("stages", stages, 1, MAX_STAGES)) {
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
        checks.between(at + ".size", dataset.size(), 1, MAX_SIZE);
        if (publicDataset && dataset.path() == null) {
            checks.fail(at + ".path", "is required for " + name + " (its local export, relative to the data root)");
        }
        checks.underRoot(at + ".path", dataset.path(), "data root");
        checks.oneOf(at + ".format", dataset.format(), SpecVocabulary.FORMATS);
        if (publicDataset && SpecVocabulary.RANDOM_PREFIX.equals(dataset.format())) {
            checks.fail(at + ".format", "random-prefix is only for kvr (was used with " + name + ")");
        }
        checks.oneOf(at + ".metric", dataset.metric(), SpecVocabulary.METRICS);
        checks.atLeast(at + ".maxNewTokens", dataset.maxNewTokens(), 1);
    }
}
