package ai.mnemo.events.spec;

import java.util.List;

/**
 * Checks a spec against every rule of docs/experiment-spec.md and reports all problems at once, each naming its
 * field, e.g. {@code stages[1].dataset.size: must be between 1 and 100000 (was 0)}. An absent optional field is
 * fine (its default is valid); a present one must be valid whatever the defaults.
 */
public final class SpecValidator {

    private SpecValidator() {
    }

    /** Every violation under the default limits, without looking for {@code model.uri} on disk. */
    public static List<Violation> validate(ExperimentSpec spec) {
        return validate(spec, SpecLimits.DEFAULTS, ModelCatalog.UNCHECKED);
    }

    /** Every violation, in document order; empty when the spec is valid. */
    public static List<Violation> validate(ExperimentSpec spec, SpecLimits limits, ModelCatalog models) {
        Checks checks = new Checks(limits);
        if (spec == null) {
            checks.fail("", "the spec is empty");
            return checks.violations();
        }
        if (checks.required("name", spec.name())) {
            checks.text("name", spec.name(), SpecLimits.NAME_LENGTH);
        }
        model(checks, spec.model(), models);
        StageRules.check(checks, spec.stages());
        TrainingRules.check(checks, "training", spec.training());
        evaluation(checks, spec.evaluation());
        GridRules.check(checks, spec.grid(), spec.stages() == null ? -1 : spec.stages().size());
        GridRules.checkAgainstStages(checks, spec);
        if (checks.violations().isEmpty()) {
            CostRules.check(checks, spec.resolve());
        }
        return checks.violations();
    }

    private static void model(Checks checks, ModelSpec model, ModelCatalog models) {
        if (!checks.required("model", model)) {
            return;
        }
        if (model.preset() == null && model.uri() == null) {
            checks.fail("model", "exactly one of preset and uri is required (neither given)");
        } else if (model.preset() != null && model.uri() != null) {
            checks.fail("model", "exactly one of preset and uri is required (both given)");
        }
        checks.oneOf("model.preset", model.preset(), SpecVocabulary.PRESETS);
        if (model.uri() == null) {
            return;
        }
        int before = checks.violations().size();
        if (model.uri().startsWith("file:")) {
            checks.text("model.uri", model.uri(), SpecLimits.PATH_LENGTH);
        } else {
            checks.underRoot("model.uri", model.uri(), "model root");
        }
        if (checks.violations().size() == before) {
            models.problem(model.uri()).ifPresent(problem -> checks.fail("model.uri", problem));
        }
    }

    private static void evaluation(Checks checks, EvaluationSpec evaluation) {
        if (evaluation != null) {
            SpecLimits limits = checks.limits();
            checks.upTo("evaluation.maxNewTokens", evaluation.maxNewTokens(), 1, limits.newTokens(), "new-tokens");
            checks.upTo("evaluation.batchSize", evaluation.batchSize(), 1, limits.batchSize(), "batch-size");
        }
    }
}
