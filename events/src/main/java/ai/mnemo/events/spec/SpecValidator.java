package ai.mnemo.events.spec;

import java.util.List;

/**
 * Checks a spec against every rule of docs/experiment-spec.md and reports all problems at once, each naming its
 * field, e.g. {@code stages[1].dataset.size: must be between 1 and 100000 (was 0)}. An absent optional field is
 * fine (its default is valid); a present one must be valid whatever the defaults.
 */
public final class SpecValidator {

    static final int MAX_NAME_LENGTH = 100;

    private SpecValidator() {
    }

    /** Every violation, in document order; empty when the spec is valid. */
    public static List<Violation> validate(ExperimentSpec spec) {
        Checks checks = new Checks();
        if (spec == null) {
            checks.fail("", "the spec is empty");
            return checks.violations();
        }
        name(checks, spec.name());
        model(checks, spec.model());
        StageRules.check(checks, spec.stages());
        TrainingRules.check(checks, "training", spec.training());
        evaluation(checks, spec.evaluation());
        GridRules.check(checks, spec.grid(), spec.stages() == null ? -1 : spec.stages().size());
        GridRules.checkAgainstStages(checks, spec);
        return checks.violations();
    }

    private static void name(Checks checks, String name) {
        if (!checks.required("name", name)) {
            return;
        }
        if (name.isBlank()) {
            checks.fail("name", "must not be blank");
        } else if (name.length() > MAX_NAME_LENGTH) {
            checks.fail("name", "must be between 1 and " + MAX_NAME_LENGTH + " characters (was " + name.length() + ")");
        }
    }

    private static void model(Checks checks, ModelSpec model) {
        if (!checks.required("model", model)) {
            return;
        }
        if (model.preset() == null && model.uri() == null) {
            checks.fail("model", "exactly one of preset and uri is required (neither given)");
        } else if (model.preset() != null && model.uri() != null) {
            checks.fail("model", "exactly one of preset and uri is required (both given)");
        }
        checks.oneOf("model.preset", model.preset(), SpecVocabulary.PRESETS);
        if (model.uri() != null && !model.uri().startsWith("file:")) {
            checks.underRoot("model.uri", model.uri(), "model root");
        }
    }

    private static void evaluation(Checks checks, EvaluationSpec evaluation) {
        if (evaluation != null) {
            checks.atLeast("evaluation.maxNewTokens", evaluation.maxNewTokens(), 1);
            checks.atLeast("evaluation.batchSize", evaluation.batchSize(), 1);
        }
    }
}
